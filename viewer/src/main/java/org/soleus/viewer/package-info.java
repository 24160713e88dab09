/**
 * Charts of gait recordings rendered with JFreeChart into image files, from primitive arrays.
 * Rendering needs no display: run with {@code -Djava.awt.headless=true} on servers and in tests.
 */
package org.soleus.viewer;
