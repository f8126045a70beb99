/**
 * Where routing data comes from. Each source turns vendor JSON into the records here at the edge;
 * nothing past a source sees RIPEstat JSON.
 */
package net.outageherald.source;
