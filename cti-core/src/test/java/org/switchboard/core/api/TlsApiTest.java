package org.switchboard.core.api;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.ApiLogin;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.core.metrics.model.MetricsSettings;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API over TLS from a PKCS#12 keystore (made here with the JDK's keytool): the session cookie is Secure. */
@ClockSensitive
class TlsApiTest {

    @TempDir
    Path dir;

    @Test
    void servesOverTlsWithASecureCookieAndRefusesPlainHttp() throws Exception {
        Path keystore = dir.resolve("switchboard.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "switchboard", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "keystore-pass").redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));

        try (Database db = TestDatabase.freshDatabase()) {
            SwitchboardConfig config = new SwitchboardConfig("Test Hotel", ZoneId.of("Asia/Shanghai"), null, null, Duration.ZERO,
                    "", WakeupRig.hotel(801, 2), CaptureRig.exampleTariffs(), SwitchboardConfig.HttpSettings.defaults(),
                    MetricsSettings.defaults());
            ApiAccess plain = ApiLogin.access(db, Clock.systemUTC());
            HttpApiServer server = new HttpApiServer(new ApiAccess(plain.users(), plain.sessions(), true),
                    HttpApiServer.tlsFromKeystore(keystore, "keystore-pass".toCharArray()));
            try {
                int port = server.start("127.0.0.1", 0, java.util.List.of(org.switchboard.core.records.Records.routes(config, db, Clock.systemUTC())));
                SSLContext trustAll = SSLContext.getInstance("TLS");
                trustAll.init(null, new TrustManager[]{new X509TrustManager() {
                    public void checkClientTrusted(X509Certificate[] c, String a) { }
                    public void checkServerTrusted(X509Certificate[] c, String a) { }
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }}, null);
                HttpClient https = HttpClient.newBuilder().sslContext(trustAll).connectTimeout(Duration.ofSeconds(5)).build();
                HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/login"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ApiLogin.PASSWORD + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, login.statusCode(), login.body());
                String cookie = login.headers().firstValue("set-cookie").orElseThrow();
                assertTrue(cookie.contains("Secure"), cookie);
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/me")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
            } finally {
                server.close();
            }
        }
    }
}
