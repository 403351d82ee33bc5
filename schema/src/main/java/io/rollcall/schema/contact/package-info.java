/** Contacts (reps): the wire contract for CRM syncs and their document fields. */
package io.rollcall.schema.contact;
