package dev.supervisor4j.protocol.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request decoding: Supervisor's leniency (spec §2.1), plus the hardening Supervisor lacks. */
class XmlRpcReaderTest {
  private final XmlRpcCodec codec = new XmlRpcCodec();

  private MethodCall call(String xml) {
    return codec.decodeCall(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String withParams(String params) {
    return "<?xml version='1.0'?>\n<methodCall>\n<methodName>m.x</methodName>\n<params>\n" + params
        + "</params>\n</methodCall>\n";
  }

  private XmlRpcValue param(String value) {
    MethodCall c = call(withParams("<param>\n" + value + "\n</param>\n"));
    assertEquals(1, c.params().size());
    return c.params().get(0);
  }

  private void malformed(String xml) {
    assertThrows(MalformedRequest.class, () -> call(xml));
  }

  @Test
  void decodesWhatSupervisorctlSends() {
    MethodCall c = call("<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.getVersion</methodName>\n"
        + "<params>\n</params>\n</methodCall>\n");
    assertEquals(new MethodCall("supervisor.getVersion", List.of()), c);
  }

  @Test
  void scalarTypes() {
    assertEquals(XmlRpcValue.of(5), param("<value><int>5</int></value>"));
    assertEquals(XmlRpcValue.of(-7), param("<value><i4> -7 </i4></value>"));
    assertEquals(XmlRpcValue.of(1_000), param("<value><int>1_000</int></value>"));
    assertEquals(XmlRpcValue.of(true), param("<value><boolean>1</boolean></value>"));
    assertEquals(XmlRpcValue.of(false), param("<value><boolean>true</boolean></value>"));
    assertEquals(XmlRpcValue.of(false), param("<value><boolean>0</boolean></value>"));
    assertEquals(XmlRpcValue.of("a b"), param("<value><string>a b</string></value>"));
    assertEquals(XmlRpcValue.of(""), param("<value><string/></value>"));
    assertEquals(new XmlRpcValue.Real(0.0), param("<value><double>0</double></value>"));
    assertEquals(new XmlRpcValue.Real(-1.5e3), param("<value><double>-1.5e3</double></value>"));
    assertEquals(new XmlRpcValue.DateTime(LocalDateTime.of(1998, 7, 17, 14, 8, 55)),
        param("<value><dateTime.iso8601>19980717T14:08:55</dateTime.iso8601></value>"));
    assertEquals(XmlRpcValue.Nil.INSTANCE, param("<value><nil/></value>"));
  }

  @Test
  void i8IsAnIntegerBothWays() {
    assertEquals(XmlRpcValue.of(5_000_000_000L), param("<value><i8>5000000000</i8></value>"));
    assertEquals(XmlRpcValue.of(Long.MIN_VALUE), param("<value><i8>-9223372036854775808</i8></value>"));
    assertEquals(XmlRpcValue.of(7), param("<value><ex:i8 xmlns:ex='http://ws.apache.org/xmlrpc/namespaces/extensions'>7</ex:i8></value>"));
    malformed(withParams("<param><value><i8>9223372036854775808</i8></value></param>"));
  }

  @Test
  void bareAndEmptyValuesAreStrings() {
    assertEquals(XmlRpcValue.of("cat"), param("<value>cat</value>"));
    assertEquals(XmlRpcValue.of(""), param("<value/>"));
    assertEquals(XmlRpcValue.of(""), param("<value></value>"));
    assertEquals(XmlRpcValue.of("  x "), param("<value>  x </value>"));
    assertEquals(XmlRpcValue.of("x"), param("<value>\n  <string>x</string>\n</value>"));
    assertEquals(XmlRpcValue.of("a&b<c"), param("<value><![CDATA[a&b]]>&lt;c</value>"));
  }

  @Test
  void base64BecomesAUtf8StringInRequests() {
    assertEquals(XmlRpcValue.of("cat"), param("<value><base64>Y2F0</base64></value>"));
    assertEquals(XmlRpcValue.of("té"), param("<value><base64>\ndMOp\n</base64></value>"));
    assertEquals(XmlRpcValue.of("\ufffd"), param("<value><base64>/w==</base64></value>"));
  }

  @Test
  void unknownTypeElementIsItsTextAsSupervisorDoes() {
    assertEquals(XmlRpcValue.of("12"), param("<value><bignum>12</bignum></value>"));
    malformed(withParams("<param><value><bignum><x/></bignum></value></param>"));
  }

  @Test
  void arraysAndStructs() {
    XmlRpcValue v = param("<value><array><data>\n<value><int>1</int></value>\n<value>a</value>\n"
        + "<value><struct>\n<member>\n<name>methodName</name>\n<value>supervisor.getState</value>\n</member>\n"
        + "<member><value><array><data/></array></value><name>params</name></member>\n"
        + "</struct></value>\n</data></array></value>");
    XmlRpcValue expected = XmlRpcValue.array(XmlRpcValue.of(1), XmlRpcValue.of("a"),
        XmlRpcValue.struct().put("methodName", "supervisor.getState").put("params", XmlRpcValue.array()).build());
    assertEquals(expected, v);
    assertEquals(XmlRpcValue.array(), param("<value><array/></value>"));
  }

  @Test
  void repeatedStructKeyKeepsFirstPositionAndLastValue() {
    XmlRpcValue v = param("<value><struct><member><name>a</name><value>1</value></member>"
        + "<member><name>b</name><value>2</value></member>"
        + "<member><name>a</name><value>3</value></member></struct></value>");
    Map<String, XmlRpcValue> m = ((XmlRpcValue.Struct) v).members();
    assertEquals(List.of("a", "b"), List.copyOf(m.keySet()));
    assertEquals(XmlRpcValue.of("3"), m.get("a"));
  }

  @Test
  void missingParamsMeansNoArguments() {
    assertEquals(new MethodCall("supervisor.getPID", List.of()),
        call("<methodCall><methodName>supervisor.getPID</methodName></methodCall>"));
  }

  @Test
  void nonAsciiAndOtherEncodings() {
    assertEquals(XmlRpcValue.of("☃"), param("<value><string>☃</string></value>"));
    byte[] latin1 = "<?xml version='1.0' encoding='ISO-8859-1'?><methodCall><methodName>a.b</methodName><params><param><value>t\u00e9</value></param></params></methodCall>"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(XmlRpcValue.of("té"), codec.decodeCall(latin1).params().get(0));
  }

  @Test
  void noOrEmptyMethodNameIsMalformed() {
    malformed("<methodCall><params/></methodCall>");
    malformed("<methodCall><methodName></methodName></methodCall>");
    malformed("<methodCall><methodName/></methodCall>");
  }

  @Test
  void brokenXmlIsMalformed() {
    malformed("");
    malformed("not xml");
    malformed("<methodCall><methodName>a.b</methodName>");
    malformed("<methodCall><methodName>a.b</methodName></methodCall><extra/>");
    malformed("<methodCall><methodName>a.b</methodName></methodCall>trailing");
    malformed("<methodRequest><methodName>a.b</methodName></methodRequest>");
    malformed(withParams("<param><value><int>x</int></value></param>"));
    malformed(withParams("<param><value><double>1.5f</double></value></param>"));
    malformed(withParams("<param><value><int/></value></param>"));
    malformed(withParams("<param></param>"));
    malformed(withParams("<param><value><string>a<b/></string></value></param>"));
    malformed(withParams("<param><value><int>1</int><int>2</int></value></param>"));
    malformed(withParams("<param><value><struct><member><name>a</name></member></struct></value></param>"));
    malformed(withParams("<param><value><base64>Y2F0=x=</base64></value></param>"));
    malformed(withParams("<param><value><dateTime.iso8601>yesterday</dateTime.iso8601></value></param>"));
    malformed(withParams("<param><value>&#0;</value></param>"));
    malformed(withParams("<param><value>&nosuch;</value></param>"));
  }

  @Test
  void xxeFileReadIsRejectedNotResolved(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRET");
    String xxe = "<?xml version='1.0'?>\n<!DOCTYPE m [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<methodCall><methodName>supervisor.getProcessInfo</methodName><params><param>"
        + "<value><string>&xxe;</string></value></param></params></methodCall>";
    MalformedRequest e = assertThrows(MalformedRequest.class, () -> call(xxe));
    assertFalse(e.getMessage().contains("TOPSECRET"));
  }

  @Test
  void externalDtdIsRejected(@TempDir Path dir) throws Exception {
    Path dtd = dir.resolve("evil.dtd");
    Files.writeString(dtd, "<!ENTITY x 'EXPANDED'>");
    malformed("<?xml version='1.0'?><!DOCTYPE methodCall SYSTEM \"" + dtd.toUri() + "\">"
        + "<methodCall><methodName>a.b</methodName><params><param><value>&x;</value></param></params></methodCall>");
    malformed("<!DOCTYPE methodCall><methodCall><methodName>a.b</methodName></methodCall>");
  }

  @Test
  void billionLaughsIsRejectedWithoutExpansion() {
    StringBuilder dtd = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    dtd.append("]>\n<methodCall><methodName>a.b</methodName><params><param><value>&lol9;</value></param>"
        + "</params></methodCall>");
    long before = System.nanoTime();
    malformed(dtd.toString());
    assertTrue(System.nanoTime() - before < 2_000_000_000L, "rejected quickly, nothing expanded");
  }

  @Test
  void bodyOverTheLimitIsRejectedBeforeParsing() {
    XmlRpcCodec small = new XmlRpcCodec(new XmlRpcLimits(100, 64), XmlRpcLimits.RESPONSES);
    String body = withParams("<param><value>" + "x".repeat(200) + "</value></param>");
    MalformedRequest e = assertThrows(MalformedRequest.class, () -> small.decodeCall(body.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
    byte[] big = new byte[XmlRpcLimits.REQUESTS.maxBytes() + 1];
    assertThrows(MalformedRequest.class, () -> codec.decodeCall(big));
  }

  @Test
  void tenThousandDeepIsRejectedWithoutStackOverflow() {
    int n = 10_000;
    String deep = "<value><array><data>".repeat(n) + "</data></array></value>".repeat(n);
    MalformedRequest e = assertThrows(MalformedRequest.class,
        () -> call(withParams("<param>" + deep + "</param>")));
    assertTrue(e.getMessage().contains("deeper"), e.getMessage());
    String structs = "<value><struct><member><name>a</name>".repeat(n) + "</member></struct></value>".repeat(n);
    assertThrows(MalformedRequest.class, () -> call(withParams("<param>" + structs + "</param>")));
  }

  @Test
  void depthUpToTheLimitIsFine() {
    int limit = XmlRpcLimits.REQUESTS.maxDepth();
    String ok = "<value><array><data>".repeat(limit - 1) + "<value>x</value>"
        + "</data></array></value>".repeat(limit - 1);
    XmlRpcValue v = param(ok);
    for (int i = 0; i < limit - 1; i++) {
      v = ((XmlRpcValue.Array) v).get(0);
    }
    assertEquals(XmlRpcValue.of("x"), v);
    String tooDeep = "<value><array><data>".repeat(limit) + "<value>x</value>" + "</data></array></value>".repeat(limit);
    malformed(withParams("<param>" + tooDeep + "</param>"));
  }

  @Test
  void roundTripsThroughTheClientEncoder() {
    List<XmlRpcValue> params = List.of(XmlRpcValue.of("a&<>\"'\tb"), XmlRpcValue.of(-3), XmlRpcValue.of(1L << 40),
        XmlRpcValue.of(true), new XmlRpcValue.Real(2.25), XmlRpcValue.Nil.INSTANCE,
        new XmlRpcValue.DateTime(LocalDateTime.of(2026, 11, 24, 2, 27, 0)),
        XmlRpcValue.array(XmlRpcValue.of(1), XmlRpcValue.array()),
        XmlRpcValue.struct().put("k", "v").put("n", XmlRpcValue.struct().build()).build());
    assertEquals(new MethodCall("supervisor.x", params), codec.decodeCall(codec.encodeCall("supervisor.x", params)));
  }

  @Test
  void decodesConcurrently() throws Exception {
    byte[] body = codec.encodeCall("supervisor.x", List.of(XmlRpcValue.array(XmlRpcValue.of("a"), XmlRpcValue.of(1))));
    MethodCall expected = codec.decodeCall(body);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int n = 0; n < 2_000; n++) {
            if (!expected.equals(codec.decodeCall(body))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (var r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void decodesResponsesAndFaults() {
    XmlRpcValue v = XmlRpcValue.array(XmlRpcValue.of("x"), XmlRpcValue.of(3_000_000_000L), XmlRpcValue.of(false));
    assertEquals(new MethodResponse.Success(v), codec.decodeResponse(codec.encodeResponse(v)));
    assertEquals(new MethodResponse.Failure(10, "BAD_NAME: nosuch"),
        codec.decodeResponse(codec.encodeFault(10, "BAD_NAME: nosuch")));
    MethodResponse b = codec.decodeResponse(("<methodResponse><params><param><value><base64>Y2F0</base64>"
        + "</value></param></params></methodResponse>").getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("cat".getBytes(StandardCharsets.UTF_8),
        ((XmlRpcValue.Base64) ((MethodResponse.Success) b).value()).bytes());
  }

  @Test
  void malformedResponses() {
    for (String bad : List.of("", "<methodResponse/>", "<methodResponse><params></params></methodResponse>",
        "<methodResponse><fault><value><string>x</string></value></fault></methodResponse>",
        "<methodResponse><fault><value><struct><member><name>faultString</name><value>x</value></member>"
            + "</struct></value></fault></methodResponse>",
        "<!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><methodResponse><params><param><value>&e;"
            + "</value></param></params></methodResponse>")) {
      assertThrows(MalformedResponse.class, () -> codec.decodeResponse(bad.getBytes(StandardCharsets.UTF_8)), bad);
    }
  }
}
