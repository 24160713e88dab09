/**
 * Fast text parsing for the file readers: a byte buffer that never decodes data rows
 * ({@link org.soleus.io.format.text.TextSource}), an in-place delimited row parser
 * ({@link org.soleus.io.format.text.DelimitedRowParser}), an exact decimal parser and a
 * round-tripping number formatter. Nothing here allocates per row or per cell.
 */
package org.soleus.io.format.text;
