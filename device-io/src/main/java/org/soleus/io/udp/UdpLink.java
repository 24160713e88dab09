package org.soleus.io.udp;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.soleus.io.serial.ByteLink;
import org.soleus.io.serial.LinkOpener;
import org.soleus.io.serial.SerialPortException;

/**
 * A receive-only {@link ByteLink} over UDP, for devices and apps that send one sample per
 * datagram as a line of text (the Moticon OpenGo desktop app's live output, a Wi-Fi
 * microcontroller printing the line protocol). Each datagram becomes one line: its tabs, line
 * ends and other control characters become spaces and a {@code \n} is appended, so the line
 * decoder sees exactly one row per datagram whatever the sender's whitespace. An optional
 * prelude (metadata and header lines the sender does not send) is read first, on every open,
 * once the first datagram has arrived: until then the link has nothing to read, so that a
 * sender that never sends is "nothing arrived", not a stream that declared its channels and
 * then fell silent.
 *
 * <p>Addresses are {@code udp:PORT} (all interfaces) or {@code udp:HOST:PORT} (the interface of
 * that local address). One datagram buffer is reused: no allocation per datagram. A lost
 * datagram is a lost row; the line decoder counts it from the time column.
 *
 * <p>One sender per link: the first datagram's sender (address and port) is the stream's, and
 * datagrams from any other are left out, the first of them told in one line, so that two apps
 * sending to one port (a squad tested side by side) do not mix two walks into one recording.
 * Each open (after the sender fell silent) takes the first sender anew. Not thread-safe.
 */
public final class UdpLink implements ByteLink {
    /** Largest datagram taken whole; longer ones are cut and then fail to decode. */
    public static final int MAX_DATAGRAM_BYTES = 65_507;
    private static final String SCHEME = "udp:";

    private final DatagramSocket socket;
    private final String name;
    private final byte[] prelude;
    private final byte[] datagram = new byte[MAX_DATAGRAM_BYTES + 1];
    private final DatagramPacket packet = new DatagramPacket(datagram, MAX_DATAGRAM_BYTES);
    private final Consumer<String> messages;
    private InetAddress senderAddress;
    private int senderPort;
    private boolean otherSenderTold;
    private boolean received;
    private int preludeOffset;
    private int pendingFrom;
    private int pendingTo;

    private UdpLink(DatagramSocket socket, String name, byte[] prelude, Consumer<String> messages) {
        this.socket = socket;
        this.name = name;
        this.prelude = prelude.clone();
        this.messages = messages;
    }

    /** Whether {@code address} names a UDP link ({@code udp:…}). */
    public static boolean isUdp(String address) {
        return address != null && address.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Opens UDP links at {@code address}.
     *
     * @param address       {@code udp:PORT} or {@code udp:HOST:PORT}
     * @param readTimeoutMs how long a read waits for a datagram
     * @param prelude       text read before the first datagram (e.g. a header line), UTF-8
     * @param messages      told, in one line, of datagrams from a second sender, which are left out
     * @throws IllegalArgumentException when the address is not of that form
     */
    public static LinkOpener opener(String address, int readTimeoutMs, String prelude, Consumer<String> messages) {
        InetSocketAddress local = parse(address);
        if (readTimeoutMs <= 0) {
            throw new IllegalArgumentException("read timeout must be > 0 ms, got " + readTimeoutMs);
        }
        byte[] text = prelude.getBytes(StandardCharsets.UTF_8);
        return new LinkOpener() {
            @Override
            public ByteLink open() throws SerialPortException {
                return UdpLink.open(address, local, readTimeoutMs, text, messages);
            }

            @Override
            public String silenceHint() {
                return "is the sender (the app or device) sending to this port?";
            }
        };
    }

    private static InetSocketAddress parse(String address) {
        if (!isUdp(address)) {
            throw new IllegalArgumentException("'" + address + "' is not a UDP address: expected udp:PORT or udp:HOST:PORT");
        }
        String rest = address.substring(SCHEME.length());
        int colon = rest.lastIndexOf(':');
        String host = colon >= 0 ? rest.substring(0, colon) : "";
        String portText = colon >= 0 ? rest.substring(colon + 1) : rest;
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("'" + address + "': the UDP port must be a number from 1 to 65535, "
                    + "as in udp:7777 or udp:127.0.0.1:7777");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    private static ByteLink open(String address, InetSocketAddress local, int readTimeoutMs, byte[] prelude,
                                 Consumer<String> messages) throws SerialPortException {
        if (local.isUnresolved()) {
            throw new SerialPortException(SerialPortException.Kind.NOT_FOUND,
                    address + ": unknown host " + local.getHostString() + "; give a local address or leave it out");
        }
        DatagramSocket socket = null;
        try {
            socket = new DatagramSocket(null);
            socket.bind(local);
            socket.setSoTimeout(readTimeoutMs);
            socket.setReceiveBufferSize(1 << 20);
            return new UdpLink(socket, address, prelude, messages);
        } catch (BindException e) {
            close(socket);
            throw new SerialPortException(SerialPortException.Kind.BUSY, address + ": cannot listen there ("
                    + e.getMessage() + "): another program uses the port, or the address is not this machine's");
        } catch (SocketException e) {
            close(socket);
            throw new SerialPortException(SerialPortException.Kind.OPEN_FAILED, address + ": " + e.getMessage());
        }
    }

    private static void close(DatagramSocket socket) {
        if (socket != null) {
            socket.close();
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (!received) {
            if (!receive()) {
                return socket.isClosed() ? -1 : 0;
            }
            received = true;
        }
        if (preludeOffset < prelude.length) {
            int n = Math.min(length, prelude.length - preludeOffset);
            System.arraycopy(prelude, preludeOffset, buffer, offset, n);
            preludeOffset += n;
            return n;
        }
        if (pendingFrom == pendingTo && !receive()) {
            return socket.isClosed() ? -1 : 0;
        }
        int n = Math.min(length, pendingTo - pendingFrom);
        System.arraycopy(datagram, pendingFrom, buffer, offset, n);
        pendingFrom += n;
        return n;
    }

    /** Waits for one datagram of the stream's sender and makes it a line; false when none came in time. */
    private boolean receive() {
        try {
            packet.setLength(MAX_DATAGRAM_BYTES);
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            socket.close();
            return false;
        }
        if (senderAddress == null) {
            senderAddress = packet.getAddress();
            senderPort = packet.getPort();
        } else if (packet.getPort() != senderPort || !packet.getAddress().equals(senderAddress)) {
            if (!otherSenderTold) {
                otherSenderTold = true;
                messages.accept("soleus: " + name + ": datagrams from " + packet.getSocketAddress() + " left out: the"
                        + " stream is the first sender's, " + new InetSocketAddress(senderAddress, senderPort)
                        + "; one sender per port (set another port in the second app)");
            }
            return false;
        }
        int n = packet.getLength();
        for (int i = 0; i < n; i++) {
            if ((datagram[i] & 0xff) < 0x20) {
                datagram[i] = ' ';
            }
        }
        datagram[n] = '\n';
        pendingFrom = 0;
        pendingTo = n + 1;
        return true;
    }

    /** Always fails: the link only receives. */
    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        throw new IOException(name + ": a UDP stream is receive-only");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        socket.close();
    }
}
