package org.switchboard.pbx.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP server that speaks Asterisk's AMI (banner, Challenge/MD5 Login, CoreSettings, Ping,
 * CoreShowChannels, Originate, Logoff) and sends events to every logged-in client. It is the demo
 * PBX and the test peer: fed by recorded transcripts, a client cannot tell it from Asterisk 20.
 * Never used by the production {@code run} command. Thread-safe.
 */
public final class AmiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AmiServer.class);
    static final String BANNER = "Asterisk Call Manager/9.0.0";
    static final int MAX_ACTION_BYTES = 64 * 1024;

    /** Answers an Originate action; the returned text is the response Message, or null to refuse. */
    public interface OriginateHandler {
        String originate(AmiMessage action);
    }

    private final String username;
    private final String secret;
    private final Clock clock;
    private final ChannelTracker tracker;
    private final ChannelGroup clients = new DefaultChannelGroup("ami-clients", GlobalEventExecutor.INSTANCE);
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger commandLogins = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong channelSequence = new java.util.concurrent.atomic.AtomicLong(0x100);
    private final AtomicReference<OriginateHandler> originateHandler = new AtomicReference<>();
    private final AstDb astDb = new AstDb();
    /** Every connection, event and command sessions alike (a cut closes them all). */
    private final ChannelGroup connections = new DefaultChannelGroup("ami-connections", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup group;
    private ServerBootstrap bootstrap;
    private volatile Channel serverChannel;
    private volatile CdrCsvWriter cdrStore;

    public AmiServer(String username, String secret, Clock clock) {
        this.username = username;
        this.secret = secret;
        this.clock = clock;
        this.tracker = new ChannelTracker(clock);
    }

    /** Binds on the loopback address; port 0 picks a free port. Returns the bound port. */
    public int start(int port) throws InterruptedException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                // Asterisk writes to a manager socket as fast as the kernel takes it; with Netty's 64 KB default
                // the simulator's senders would idle between chunks and measure their own waiting.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline()
                                .addLast("framer", new AmiFrameDecoder(MAX_ACTION_BYTES))
                                .addLast("decoder", new AmiMessageDecoder())
                                .addLast("encoder", new AmiMessageEncoder())
                                .addLast("session", new AmiSessionHandler(AmiServer.this));
                    }
                });
        serverChannel = bootstrap.bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
        int bound = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        log.info("AMI simulator listening on 127.0.0.1:{}", bound);
        return bound;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Asterisk's global channel sequence (the part after the dot of a Uniqueid), shared by all simulated calls. */
    public long nextChannelSequence() {
        return channelSequence.getAndIncrement();
    }

    public void setOriginateHandler(OriginateHandler handler) {
        originateHandler.set(handler);
    }

    /** Sends events to every logged-in client, in order, with one flush; each Cdr also goes to the CDR store. */
    public void broadcast(List<AmiMessage> events) {
        CdrCsvWriter csv = cdrStore;
        for (AmiMessage e : events) {
            tracker.observe(e);
            if (csv != null && e.isEvent("Cdr")) {
                csv.append(e);
            }
            clients.write(e);
        }
        clients.flush();
    }

    /**
     * Keeps a CDR store as Asterisk's cdr_csv does: every CDR is appended to {@code masterCsv} (created with its
     * folder if missing), heard on AMI or not.
     */
    public void keepCdrCsv(Path masterCsv) {
        try {
            Files.createDirectories(masterCsv.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("simulator: cannot create the folder of " + masterCsv, e);
        }
        cdrStore = new CdrCsvWriter(masterCsv);
    }

    /**
     * The PBX unreachable for {@code length}, as a network cut would make it: every session is closed and no new
     * connection is accepted until it is over (the port is bound again). Calls go on meanwhile, and their CDRs.
     */
    public void cutLink(Duration length) throws InterruptedException {
        int port = port();
        serverChannel.close().sync();
        connections.close().awaitUninterruptibly();
        Thread.sleep(length.toMillis());
        serverChannel = bootstrap.bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
        log.info("AMI simulator: link back on 127.0.0.1:{} after {} s", port, length.toSeconds());
    }

    /** Sends bytes as they are to every client taking events (for fuzzing: garbage, broken framing). */
    public void broadcastRaw(byte[] wire) {
        clients.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(wire));
    }

    public void broadcast(AmiMessage event) {
        broadcast(List.of(event));
    }

    /** Waits while any client's socket buffer is full, so a fast producer cannot exhaust memory. */
    public void awaitWritable() throws InterruptedException {
        while (clients.stream().anyMatch(c -> c.isActive() && !c.isWritable())) {
            Thread.sleep(1);
        }
    }

    /** Closes every client connection, as a network failure or a PBX restart would. */
    public void dropClients() {
        clients.close().awaitUninterruptibly();
    }

    /** Number of successful logins of event sessions since start (a reconnecting client logs in again). */
    public int logins() {
        return logins.get();
    }

    /** Waits until at least {@code count} logins have happened; false on timeout. */
    public boolean awaitLogins(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (logins.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    boolean checkCredentials(String user, String plainSecret, String md5Key, String challenge) {
        if (!username.equals(user)) {
            return false;
        }
        if (md5Key != null && challenge != null) {
            return Md5.hex(challenge + secret).equalsIgnoreCase(md5Key);
        }
        return secret.equals(plainSecret);
    }

    /** A login; only sessions that take events receive the broadcasts and count in {@link #logins()}. */
    void loggedIn(Channel ch, boolean events) {
        if (events) {
            clients.add(ch);
            logins.incrementAndGet();
        } else {
            commandLogins.incrementAndGet();
        }
    }

    /** Logins with {@code Events: off} (a client's command session). */
    public int commandLogins() {
        return commandLogins.get();
    }

    Clock clock() {
        return clock;
    }

    ChannelTracker tracker() {
        return tracker;
    }

    /** The calls up now: each call's live channel names, by Linkedid. */
    public Map<String, List<String>> liveCalls() {
        return tracker.channelsByCall();
    }

    /** The AstDB that DBPut actions write. */
    public AstDb astDb() {
        return astDb;
    }

    OriginateHandler originateHandler() {
        return originateHandler.get();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        clients.close().awaitUninterruptibly();
        if (group != null) {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
