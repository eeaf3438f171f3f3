/**
 * 发文字号 — document numbers per GB/T 9704 — for the whole platform. Entry point: {@link
 * org.opengovdata.docnumber.DocumentNumbers}; values: {@link
 * org.opengovdata.docnumber.DocumentNumber} (a whole number) and {@link
 * org.opengovdata.docnumber.DocumentNumberPrefix} (a partial one, for search). Plain Java, no
 * framework.
 */
package org.opengovdata.docnumber;
