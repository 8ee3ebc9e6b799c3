package dev.socialticker.ticker.alert;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback SMTP server that refuses a sender or recipients the way production servers do
 * ({@code 553 5.7.1} for a sender it will not relay for, {@code 550 5.1.1} for an unknown
 * recipient), quoting the whole address in its answer as they do. GreenMail cannot stand in here: it
 * accepts every well-formed address ({@code MAIL FROM} and {@code RCPT TO} answer 250 or a syntax
 * error, nothing else). Speaks just enough SMTP for Angus Mail: greeting, EHLO/HELO, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT; one connection at a time, as the alert channel sends.
 */
final class RefusingSmtpServer implements AutoCloseable {
    private final ServerSocket server;
    private final String refusedSender;
    private final String refusedRecipientDomain;
    private final Thread thread;

    /**
     * @param refusedSender          a {@code MAIL FROM} address answered 553, or null
     * @param refusedRecipientDomain recipients at this domain are answered 550, or null
     */
    RefusingSmtpServer(String refusedSender, String refusedRecipientDomain) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.refusedSender = refusedSender;
        this.refusedRecipientDomain = refusedRecipientDomain;
        this.thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                converse(client);
            } catch (SocketException closed) {
                return;
            } catch (IOException broken) {
                // the client went away mid-conversation: wait for the next one
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 refusing.test ESMTP stand-in");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 refusing.test");
            } else if (command.startsWith("MAIL FROM:")) {
                String address = address(line);
                reply(
                        out,
                        address.equalsIgnoreCase(refusedSender)
                                ? "553 5.7.1 <" + address + ">: Sender address rejected: not owned by user"
                                : "250 2.1.0 Ok");
            } else if (command.startsWith("RCPT TO:")) {
                String address = address(line);
                reply(
                        out,
                        refusedRecipientDomain != null
                                        && address.toLowerCase(Locale.ROOT).endsWith("@" + refusedRecipientDomain)
                                ? "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown"
                                : "250 2.1.5 Ok");
            } else if (command.equals("DATA")) {
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself is not looked at
                }
                reply(out, "250 2.0.0 Ok: queued");
            } else if (command.equals("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else if (command.equals("RSET") || command.equals("NOOP")) {
                reply(out, "250 2.0.0 Ok");
            } else {
                reply(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open < 0 || close < 0 ? "" : line.substring(open + 1, close);
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
