/** Dashboard results cached per tenant write generation. */
package io.rollcall.api.cache;
