package org.soleus.io.serial;

import java.util.Objects;

/**
 * A serial port the system offers.
 *
 * @param systemName the system's name ({@code ttyUSB0}, {@code COM3})
 * @param path       what to open ({@code /dev/ttyUSB0}, {@code COM3})
 * @param description what the driver or device says it is
 * @param vendorId   USB vendor id, or -1 when not a USB device or unknown
 * @param productId  USB product id, or -1 when unknown
 */
public record PortInfo(String systemName, String path, String description, int vendorId, int productId) {
    public PortInfo {
        Objects.requireNonNull(systemName, "systemName");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
    }

    /** Whether the USB vendor and product ids are known. */
    public boolean hasUsbIds() {
        return vendorId >= 0 && productId >= 0;
    }
}
