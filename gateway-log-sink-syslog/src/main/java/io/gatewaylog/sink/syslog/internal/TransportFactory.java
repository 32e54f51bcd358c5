package io.gatewaylog.sink.syslog.internal;

import java.io.IOException;
import javax.net.ssl.SSLContext;

/** Opens transports for targets. */
final class TransportFactory {
    private final SyslogConfig config;
    private final SSLContext tls;
    private final boolean jna;
    private final StallWatchdog watchdog;

    TransportFactory(SyslogConfig config, SSLContext tls, boolean useJna, StallWatchdog watchdog) {
        this.config = config;
        this.tls = tls;
        this.watchdog = watchdog;
        this.jna = useJna && jnaPresent();
    }

    Transport open(Target target) throws IOException {
        switch (target.kind()) {
            case UNIX:
                if (!jna) {
                    throw new UnsupportedTargetException("the local socket needs JNA (net.java.dev.jna:jna) on the "
                            + "class path; the JDK cannot send to a Unix datagram socket");
                }
                try {
                    return UnixDatagramTransport.open(target, config.maxMessageSize, config.writeTimeout.toMillis());
                } catch (LinkageError e) {
                    // JNA present but its native part cannot load here (a locked-down tmp dir, an odd platform).
                    throw new UnsupportedTargetException("JNA cannot load libc: " + e);
                }
            case UDP:
                return new UdpTransport(target, config.maxMessageSize);
            default:
                return StreamTransport.open(target, config, tls, watchdog);
        }
    }

    private static boolean jnaPresent() {
        try {
            Class.forName("com.sun.jna.Native", false, TransportFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
