package net.outageherald.source.ioda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import net.outageherald.source.SourceUnavailableException.Reason;
import net.outageherald.source.SourceUnavailableException;
import net.outageherald.testing.MutableClock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class IodaClientTest {

    private static final IodaEntity KP = new IodaEntity(IodaEntity.Type.COUNTRY, "KP");
    private static final Instant FROM = Samples.T0;
    private static final Instant UNTIL = Samples.T0.plus(Duration.ofMinutes(45));

    private final MockWebServer server = new MockWebServer();
    private final MutableClock clock = new MutableClock(Samples.T0);
    // the application's one shared client; IodaClient derives its own timeouts from it
    private final OkHttpClient shared = new OkHttpClient();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger iodaLogger = (Logger) LoggerFactory.getLogger("net.outageherald.source.ioda");
    private IodaClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = client(server.url("/v2").toString());
        logs.start();
        iodaLogger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        iodaLogger.detachAppender(logs);
        server.close();
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    private IodaClient client(String url) {
        IodaConfig config = new IodaConfig(true, url, Duration.ofMillis(500), Duration.ofMinutes(5),
                Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofMinutes(8));
        return new IodaClient(config, shared, clock);
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the fake IODA").isNotNull();
        return request;
    }

    @Test
    void asksForTheSignalOfOneEntityWithItsWindowAndDatasource() throws Exception {
        server.enqueue(Samples.ok("signals_country_KP_bgp"));

        List<IodaSignal> signals = client.signals(KP, IodaDatasource.BGP, FROM, UNTIL);

        HttpUrl url = taken().getUrl();
        assertThat(url.encodedPath()).isEqualTo("/v2/signals/raw/country/KP");
        assertThat(url.queryParameter("from")).isEqualTo("1419264000");
        assertThat(url.queryParameter("until")).isEqualTo("1419266700");
        assertThat(url.queryParameter("datasource")).isEqualTo("bgp");
        assertThat(signals).singleElement().satisfies(s -> assertThat(s.entity()).isEqualTo(KP));
    }

    @Test
    void asksForSeveralCountriesInOneCall() throws Exception {
        server.enqueue(Samples.ok("signals_country_KP-CU_bgp"));

        List<IodaSignal> signals = client.signals(List.of(KP, new IodaEntity(IodaEntity.Type.COUNTRY, "cu")),
                IodaDatasource.BGP, FROM, UNTIL);

        assertThat(taken().getUrl().encodedPath()).isEqualTo("/v2/signals/raw/country/KP,CU");
        assertThat(signals).hasSize(2);
    }

    @Test
    void asksForTheSignalsOfAnAs() throws Exception {
        server.enqueue(Samples.ok("signals_asn_131279_ping-slash24"));

        client.signals(IodaEntity.asn(131279), IodaDatasource.PING_SLASH24, FROM, UNTIL);

        HttpUrl url = taken().getUrl();
        assertThat(url.encodedPath()).isEqualTo("/v2/signals/raw/asn/131279");
        assertThat(url.queryParameter("datasource")).isEqualTo("ping-slash24");
    }

    @Test
    void asksForAlertsWithoutSarimaAsIodasOwnUiDoes() throws Exception {
        server.enqueue(Samples.ok("alerts_country_KP"));

        List<IodaAlert> alerts = client.alerts(KP, FROM, UNTIL);

        HttpUrl url = taken().getUrl();
        assertThat(url.encodedPath()).isEqualTo("/v2/outages/alerts");
        assertThat(url.queryParameter("entityType")).isEqualTo("country");
        assertThat(url.queryParameter("entityCode")).isEqualTo("KP");
        assertThat(url.queryParameter("from")).isEqualTo("1419264000");
        assertThat(url.queryParameter("until")).isEqualTo("1419266700");
        assertThat(url.queryParameter("ignoreMethods")).isEqualTo("*.sarima");
        assertThat(alerts).hasSize(3);
    }

    @Test
    void namesItselfInTheUserAgent() throws Exception {
        server.enqueue(Samples.ok("signals_country_KP_bgp"));

        client.signals(KP, IodaDatasource.BGP, FROM, UNTIL);

        assertThat(taken().getHeaders().get("User-Agent")).startsWith("outage-herald/");
    }

    @Test
    void aServerErrorIsUnavailableNeverAnEmptySignal() {
        server.enqueue(Samples.json(500, "{\"error\":\"Internal Server Error\"}"));

        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR))
                .hasMessageContaining("HTTP 500").hasMessageContaining("Internal Server Error");
    }

    @Test
    void garbageIsUnavailable() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>maintenance</html>").build());

        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void aStalledAnswerTimesOutAsUnavailable() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    }

    @Test
    void anErrorEnvelopeIn200IsUnavailableWithItsText() {
        server.enqueue(Samples.ok("error_in_200"));

        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ERROR_ENVELOPE))
                .hasMessageContaining("Backend unavailable");
    }

    @Test
    void aRefusedRequestSaysWhyAndDoesNotMakeIodaBackOff() throws Exception {
        // GIVEN IODA refusing one request as bad (HTTP 400 with its error envelope)
        server.enqueue(Samples.json(400, Samples.text("error_bad_parameter")));
        server.enqueue(Samples.ok("signals_country_KP_bgp"));

        // THEN the refusal names IODA's reason
        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ERROR_ENVELOPE))
                .hasMessageContaining("HTTP 400").hasMessageContaining("from must be a unix timestamp");
        // AND the next call goes out at once: our bad request says nothing about IODA's health
        assertThat(client.signals(KP, IodaDatasource.BGP, FROM, UNTIL)).hasSize(1);
        assertThat(client.failure()).isEmpty();
    }

    @Test
    void aFailingIodaIsLeftAloneLongerEachTimeAndSaysSoOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Samples.json(503, "Service Unavailable"));
        }
        server.enqueue(Samples.ok("signals_country_KP_bgp"));

        // WHEN the first call fails
        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.HTTP_ERROR));
        // THEN calls within the first backoff (1 min) fail fast without a request
        clock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> client.alerts(KP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BACKING_OFF))
                .hasMessageContaining("HTTP 503");
        assertThat(server.getRequestCount()).isEqualTo(1);

        // WHEN the backoff is over and the second call fails too, the next wait doubles to 2 min
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOf(SourceUnavailableException.class);
        clock.advance(Duration.ofSeconds(119));
        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BACKING_OFF));
        assertThat(server.getRequestCount()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOf(SourceUnavailableException.class);
        assertThat(client.failure()).hasValueSatisfying(f -> assertThat(f).contains("3 calls"));

        // WHEN it answers again after 4 min
        clock.advance(Duration.ofMinutes(4));
        assertThat(client.signals(KP, IodaDatasource.BGP, FROM, UNTIL)).hasSize(1);

        // THEN it is healthy, and the log said "failing" once and "recovered" once
        assertThat(client.failure()).isEmpty();
        assertThat(messagesAt(Level.WARN)).singleElement().asString().contains("IODA is failing");
        assertThat(messagesAt(Level.INFO)).singleElement().asString().contains("IODA recovered after 3 failed call(s)");
    }

    @Test
    void oneDeadIodaBacksOffAloneWhileAnotherClientOnTheSameHttpClientWorks() throws Exception {
        // GIVEN a client for an address where nothing listens, and ours, both on the shared OkHttpClient
        MockWebServer closed = new MockWebServer();
        closed.start(InetAddress.getByName("127.0.0.1"), 0);
        String deadUrl = closed.url("/v2").toString();
        closed.close();
        IodaClient dead = client(deadUrl);
        server.enqueue(Samples.ok("signals_country_KP_bgp"));

        // THEN the dead one is unavailable and backs off, and ours is not held back by it
        assertThatThrownBy(() -> dead.signals(KP, IodaDatasource.BGP, FROM, UNTIL))
                .isInstanceOfSatisfying(SourceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IO_ERROR));
        assertThat(dead.failure()).isPresent();
        assertThat(client.signals(KP, IodaDatasource.BGP, FROM, UNTIL)).hasSize(1);
        assertThat(client.failure()).isEmpty();
    }

    @Test
    void creditsIodaFromTheCopyrightOfItsAnswers() throws Exception {
        assertThat(client.attribution()).isEqualTo("Data: IODA, Georgia Tech");
        server.enqueue(Samples.json(200, "{\"type\":\"signals\",\"error\":null,\"data\":[],"
                + "\"copyright\":\"This data is Copyright (c) 2027 Example Research Institute. All Rights Reserved.\"}"));

        client.signals(KP, IodaDatasource.BGP, FROM, UNTIL);

        assertThat(client.attribution()).isEqualTo("Data: IODA, Example Research Institute");
    }

    @Test
    void aWindowOfAHundredDaysIsRefusedBeforeAskingIoda() {
        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, FROM, FROM.plus(Duration.ofDays(100))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.signals(KP, IodaDatasource.BGP, UNTIL, FROM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private List<String> messagesAt(Level level) {
        return logs.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
