/** The program catalog contract: a program's name, ordered lessons and due date. */
package io.rollcall.schema.program;
