/**
 * Which resources may not be deleted, applied as resource transformations so that components stay unaware of it:
 * the program gives them to the components whose stateful resources the stack protects.
 */
package dev.bulkhead.protection;
