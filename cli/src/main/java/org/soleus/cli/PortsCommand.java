package org.soleus.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.soleus.io.serial.PortInfo;
import org.soleus.io.serial.SerialPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code soleus ports}: the serial ports there are, one per line. */
@Command(name = "ports",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List the serial ports: path, system name, description and USB vendor:product id where known.")
final class PortsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PortInfo> ports = SerialPorts.list();
        if (ports.isEmpty()) {
            out.println("no serial ports found (a pseudo-terminal or a port given by path still opens with --port PATH)"
                    + SerialPorts.unopenableHint().map(hint -> "; " + hint).orElse(""));
            out.flush();
            return 0;
        }
        int pathWidth = 4;
        int nameWidth = 4;
        for (PortInfo p : ports) {
            pathWidth = Math.max(pathWidth, p.path().length());
            nameWidth = Math.max(nameWidth, p.systemName().length());
        }
        String format = "%-" + pathWidth + "s  %-" + nameWidth + "s  %s%s%n";
        out.printf(Locale.ROOT, format, "PATH", "NAME", "DESCRIPTION", "");
        for (PortInfo p : ports) {
            String usb = p.hasUsbIds() ? String.format(Locale.ROOT, "  (USB %04x:%04x)", p.vendorId(), p.productId()) : "";
            out.printf(Locale.ROOT, format, p.path(), p.systemName(), p.description(), usb);
        }
        out.flush();
        return 0;
    }
}
