package org.soleus.io.serial;

import java.io.IOException;

/**
 * A second program holding a port, as another {@code soleus record} would: opens the port named
 * by its argument through {@link SerialPorts}, prints {@code open} and keeps the port until its
 * standard input ends.
 */
final class PortHolder {
    private PortHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (ByteLink link = SerialPorts.opener(args[0], 115200, 50).open()) {
            System.out.println("open " + link.name());
            System.out.flush();
            while (System.in.read() >= 0) {
                continue;
            }
        }
    }
}
