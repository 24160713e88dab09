/**
 * Live streams over UDP: {@link org.soleus.io.udp.UdpLink}, a receive-only byte link with one
 * text line per datagram, and {@link org.soleus.io.udp.MoticonUdp}, the channels of the Moticon
 * OpenGo app's live output. The line decoder of {@link org.soleus.io.codec} decodes both.
 */
package org.soleus.io.udp;
