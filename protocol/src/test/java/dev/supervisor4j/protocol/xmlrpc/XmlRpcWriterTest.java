package dev.supervisor4j.protocol.xmlrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Byte-for-byte encoding. Expected strings are what Python 3.11's
 * {@code xmlrpc.client.dumps(..., methodresponse=True)} printed for the same values.
 */
class XmlRpcWriterTest {
  private final XmlRpcCodec codec = new XmlRpcCodec();

  private String response(XmlRpcValue v) {
    return new String(codec.encodeResponse(v), StandardCharsets.UTF_8);
  }

  private static String wrap(String value) {
    return "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n" + value
        + "</param>\n</params>\n</methodResponse>\n";
  }

  @Test
  void stringResponseAsSupervisorSendsGetVersion() {
    assertEquals("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n"
        + "<value><string>3.0</string></value>\n</param>\n</params>\n</methodResponse>\n",
        response(XmlRpcValue.of("3.0")));
  }

  @Test
  void structsArraysAndEscapingAsPython() {
    // dumps(({'a':1,'b':[True,'s<&>"\'\t\r\n'],'c':{}, 'd':[]},), methodresponse=True)
    XmlRpcValue v = XmlRpcValue.struct()
        .put("a", 1)
        .put("b", XmlRpcValue.array(XmlRpcValue.of(true), XmlRpcValue.of("s<&>\"'\t\r\n")))
        .put("c", XmlRpcValue.struct().build())
        .put("d", XmlRpcValue.array())
        .build();
    assertEquals("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><struct>\n"
        + "<member>\n<name>a</name>\n<value><int>1</int></value>\n</member>\n"
        + "<member>\n<name>b</name>\n<value><array><data>\n<value><boolean>1</boolean></value>\n"
        + "<value><string>s&lt;&amp;&gt;\"'\t\r\n</string></value>\n</data></array></value>\n</member>\n"
        + "<member>\n<name>c</name>\n<value><struct>\n</struct></value>\n</member>\n"
        + "<member>\n<name>d</name>\n<value><array><data>\n</data></array></value>\n</member>\n"
        + "</struct></value>\n</param>\n</params>\n</methodResponse>\n", response(v));
  }

  @Test
  void faultAsSupervisorSendsIt() {
    assertEquals("<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n"
        + "<name>faultCode</name>\n<value><int>10</int></value>\n</member>\n<member>\n"
        + "<name>faultString</name>\n<value><string>BAD_NAME: nosuch</string></value>\n</member>\n"
        + "</struct></value>\n</fault>\n</methodResponse>\n",
        new String(codec.encodeFault(10, "BAD_NAME: nosuch"), StandardCharsets.UTF_8));
  }

  @Test
  void emptyStringAndFalse() {
    assertEquals(wrap("<value><array><data>\n<value><string></string></value>\n<value><int>0</int></value>\n"
        + "<value><boolean>0</boolean></value>\n</data></array></value>\n"),
        response(XmlRpcValue.array(XmlRpcValue.of(""), XmlRpcValue.of(0), XmlRpcValue.of(false))));
  }

  @Test
  void intStaysIntUpTo32BitsThenI8() {
    assertEquals(wrap("<value><int>2147483647</int></value>\n"), response(XmlRpcValue.of(Integer.MAX_VALUE)));
    assertEquals(wrap("<value><int>-2147483648</int></value>\n"), response(XmlRpcValue.of(Integer.MIN_VALUE)));
    assertEquals(wrap("<value><i8>2147483648</i8></value>\n"), response(XmlRpcValue.of(2147483648L)));
    assertEquals(wrap("<value><i8>-2147483649</i8></value>\n"), response(XmlRpcValue.of(-2147483649L)));
    assertEquals(wrap("<value><i8>3221225472</i8></value>\n"), response(XmlRpcValue.of(3L << 30)));
  }

  @Test
  void charactersXmlForbidsBecomeReplacementCharacter() {
    String in = "a\u001b[31mred\u0000\u0008\u007f\ufffe\uffff\ud800x\udc00";
    assertEquals(wrap("<value><string>a\ufffd[31mred\ufffd\ufffd\u007f\ufffd\ufffd\ufffdx\ufffd</string></value>\n"),
        response(XmlRpcValue.of(in)));
  }

  @Test
  void nonAsciiTravelsAsRawUtf8AndPairsSurvive() {
    byte[] out = codec.encodeResponse(XmlRpcValue.of("té☃\ud83d\ude00"));
    String expected = wrap("<value><string>té☃\ud83d\ude00</string></value>\n");
    assertEquals(expected, new String(out, StandardCharsets.UTF_8));
    assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, out.length);
  }

  @Test
  void structKeysAreEscapedAndSanitisedToo() {
    assertEquals(wrap("<value><struct>\n<member>\n<name>a&amp;\ufffd</name>\n<value><int>1</int></value>\n"
        + "</member>\n</struct></value>\n"),
        response(XmlRpcValue.struct().put("a&\u0001", 1).build()));
  }

  @Test
  void callWithoutParamsAsSupervisorctlSendsIt() {
    assertEquals("<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.getVersion</methodName>\n"
        + "<params>\n</params>\n</methodCall>\n",
        new String(codec.encodeCall("supervisor.getVersion", List.of()), StandardCharsets.UTF_8));
  }

  @Test
  void callWithEveryTypeAsPython() {
    // dumps(('cat', True, 5, 1.5, Binary(b'abc'*40), DateTime(datetime(2024,1,2,3,4,5)), None),
    //       'supervisor.x', allow_none=True)
    byte[] abc = "abc".repeat(40).getBytes(StandardCharsets.US_ASCII);
    String body = new String(codec.encodeCall("supervisor.x", List.of(XmlRpcValue.of("cat"),
        XmlRpcValue.of(true), XmlRpcValue.of(5), new XmlRpcValue.Real(1.5), new XmlRpcValue.Base64(abc),
        new XmlRpcValue.DateTime(LocalDateTime.of(2024, 1, 2, 3, 4, 5)), XmlRpcValue.Nil.INSTANCE)),
        StandardCharsets.UTF_8);
    assertEquals("<?xml version='1.0'?>\n<methodCall>\n<methodName>supervisor.x</methodName>\n<params>\n"
        + "<param>\n<value><string>cat</string></value>\n</param>\n"
        + "<param>\n<value><boolean>1</boolean></value>\n</param>\n"
        + "<param>\n<value><int>5</int></value>\n</param>\n"
        + "<param>\n<value><double>1.5</double></value>\n</param>\n"
        + "<param>\n<value><base64>\n"
        + "YWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJj\n"
        + "YWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJjYWJj\n"
        + "YWJjYWJj\n</base64></value>\n</param>\n"
        + "<param>\n<value><dateTime.iso8601>20240102T03:04:05</dateTime.iso8601></value>\n</param>\n"
        + "<param>\n<value><nil/></value></param>\n"
        + "</params>\n</methodCall>\n", body);
  }

  @Test
  void emptyBase64AsPython() {
    assertEquals(wrap("<value><base64>\n</base64></value>\n"), response(new XmlRpcValue.Base64(new byte[0])));
  }
}
