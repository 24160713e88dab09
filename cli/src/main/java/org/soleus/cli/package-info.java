/**
 * The {@code soleus} command line: picocli commands that wire the readers, the analysis and
 * the result writers together, and turn every failure into one line on stderr.
 */
package org.soleus.cli;
