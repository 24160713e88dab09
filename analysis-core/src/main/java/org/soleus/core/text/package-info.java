/** Text for messages shared by the modules: counts with their nouns. */
package org.soleus.core.text;
