package dev.supervisor4j.protocol.xmlrpc;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads {@code methodCall} and {@code methodResponse} documents with StAX, one pass, no tree.
 *
 * <p>Hardening: the JDK's own StAX implementation, with DTD support and external entities off, a
 * resolver that refuses everything, and any DOCTYPE rejected the moment it is seen, so an XXE or
 * billion-laughs body fails without a single entity being resolved or expanded. Bodies over
 * {@link XmlRpcLimits#maxBytes()} are refused before parsing; nesting deeper than
 * {@link XmlRpcLimits#maxDepth()} is refused as soon as it is reached, so the recursion here is
 * bounded and a 10,000-deep document cannot overflow the stack.
 *
 * <p>Leniency follows Supervisor's server-side decoder (spec §2.1): {@code <boolean>} is true only
 * for the text {@code 1}, a bare {@code <value>text</value>} or {@code <value/>} is a string, an
 * element type we do not know (holding only text) is a string too, {@code <array>} may omit
 * {@code <data>}. Better than Supervisor: {@code <i8>} reads as an integer (Supervisor passes its
 * text on as a string), and base64 that is not valid UTF-8 decodes with U+FFFD instead of a 400.
 */
final class XmlRpcReader {

  /** StAX does not promise that a factory is thread-safe; one per thread costs little. */
  private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlRpcReader::hardenedFactory);

  private final XMLStreamReader xml;
  private final int maxDepth;
  /** Supervisor's request decoder: base64 → UTF-8 string. Responses keep the bytes, as Python's client. */
  private final boolean base64AsText;

  private XmlRpcReader(XMLStreamReader xml, int maxDepth, boolean base64AsText) {
    this.xml = xml;
    this.maxDepth = maxDepth;
    this.base64AsText = base64AsText;
  }

  static MethodCall readCall(byte[] body, XmlRpcLimits limits) throws ParseError {
    XmlRpcReader reader = open(body, limits, true);
    try {
      return reader.methodCall();
    } catch (XMLStreamException e) {
      throw new ParseError("not well-formed XML: " + e.getMessage());
    } finally {
      reader.close();
    }
  }

  static MethodResponse readResponse(byte[] body, XmlRpcLimits limits) throws ParseError {
    XmlRpcReader reader = open(body, limits, false);
    try {
      return reader.methodResponse();
    } catch (XMLStreamException e) {
      throw new ParseError("not well-formed XML: " + e.getMessage());
    } finally {
      reader.close();
    }
  }

  private static XMLInputFactory hardenedFactory() {
    // newDefaultFactory: always the JDK's implementation, whatever StAX provider is on the classpath.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    f.setXMLResolver((publicId, systemId, base, namespace) -> {
      throw new XMLStreamException("external resources are not allowed: " + systemId);
    });
    return f;
  }

  private static XmlRpcReader open(byte[] body, XmlRpcLimits limits, boolean base64AsText)
      throws ParseError {
    if (body.length > limits.maxBytes()) {
      throw new ParseError("body of " + body.length + " bytes exceeds the limit of " + limits.maxBytes());
    }
    try {
      // The parser detects the encoding from the BOM / declaration; UTF-8 when there is none.
      return new XmlRpcReader(FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(body)),
          limits.maxDepth(), base64AsText);
    } catch (XMLStreamException e) {
      throw new ParseError("not well-formed XML: " + e.getMessage());
    }
  }

  private void close() {
    try {
      xml.close();
    } catch (XMLStreamException ignored) {
      // nothing to release: the input is a byte array
    }
  }

  // ---- documents ----

  private MethodCall methodCall() throws XMLStreamException, ParseError {
    expectRoot("methodCall");
    String name = null;
    List<XmlRpcValue> params = List.of();
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (tag()) {
        case "methodName" -> name = text();
        case "params" -> params = params();
        default -> throw unexpected();
      }
    }
    finish();
    if (name == null || name.isEmpty()) {
      throw new ParseError("no method name");
    }
    return new MethodCall(name, params);
  }

  private MethodResponse methodResponse() throws XMLStreamException, ParseError {
    expectRoot("methodResponse");
    if (nextTag() != XMLStreamConstants.START_ELEMENT) {
      throw new ParseError("empty methodResponse");
    }
    MethodResponse response;
    if (tag().equals("params")) {
      List<XmlRpcValue> params = params();
      if (params.size() != 1) {
        throw new ParseError("a response carries exactly one value, not " + params.size());
      }
      response = new MethodResponse.Success(params.get(0));
    } else if (tag().equals("fault")) {
      response = fault(singleValue());
    } else {
      throw unexpected();
    }
    if (nextTag() != XMLStreamConstants.END_ELEMENT) {
      throw unexpected();
    }
    finish();
    return response;
  }

  private static MethodResponse fault(XmlRpcValue value) throws ParseError {
    if (value instanceof XmlRpcValue.Struct s && s.get("faultCode") instanceof XmlRpcValue.Int code
        && s.get("faultString") != null && code.value() == (int) code.value()) {
      return new MethodResponse.Failure((int) code.value(), PyText.str(s.get("faultString")));
    }
    throw new ParseError("a fault must be a struct with an int faultCode and a faultString");
  }

  private List<XmlRpcValue> params() throws XMLStreamException, ParseError {
    List<XmlRpcValue> params = new ArrayList<>();
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (!tag().equals("param")) {
        throw unexpected();
      }
      params.add(singleValue());
    }
    return params;
  }

  /** The one {@code <value>} inside the current {@code <param>} or {@code <fault>}, then its end. */
  private XmlRpcValue singleValue() throws XMLStreamException, ParseError {
    expectValueStart();
    XmlRpcValue value = value(1);
    if (nextTag() != XMLStreamConstants.END_ELEMENT) {
      throw unexpected();
    }
    return value;
  }

  private void expectRoot(String name) throws XMLStreamException, ParseError {
    if (nextTag() != XMLStreamConstants.START_ELEMENT || !tag().equals(name)) {
      throw new ParseError("the root element must be <" + name + ">");
    }
  }

  /** Reads to the end so that trailing garbage fails as it does for Supervisor's whole-document parse. */
  private void finish() throws XMLStreamException, ParseError {
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.DTD
          || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw unexpected();
      }
    }
  }

  // ---- values ----

  private void expectValueStart() throws XMLStreamException, ParseError {
    if (nextTag() != XMLStreamConstants.START_ELEMENT || !tag().equals("value")) {
      throw new ParseError("expected <value>");
    }
  }

  /** At a {@code <value>} start tag; returns after its end tag. */
  private XmlRpcValue value(int depth) throws XMLStreamException, ParseError {
    if (depth > maxDepth) {
      throw new ParseError("values nested deeper than " + maxDepth);
    }
    StringBuilder bare = new StringBuilder();
    XmlRpcValue typed = null;
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return typed != null ? typed : new XmlRpcValue.Str(bare.toString());
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        if (typed != null) {
          throw new ParseError("a <value> holds one typed element");
        }
        typed = typed(depth);
      } else if (isText(event) && typed == null) {
        bare.append(xml.getText()); // text around a typed element is ignored, as Supervisor does
      }
    }
  }

  /** At a type element's start tag inside {@code <value>}; returns after its end tag. */
  private XmlRpcValue typed(int depth) throws XMLStreamException, ParseError {
    String tag = tag();
    // Accept Apache-style prefixed extensions (<ex:i8>, <ex:nil/>) by local name, as Python does.
    String type = tag.substring(tag.indexOf(':') + 1);
    switch (type) {
      case "int", "i4", "i8", "i1", "i2":
        return Scalars.integer(text());
      case "boolean":
        return XmlRpcValue.of(text().equals("1"));
      case "string":
        return new XmlRpcValue.Str(text());
      case "double":
        return Scalars.real(text());
      case "base64":
        return Scalars.base64(text(), base64AsText);
      case "dateTime.iso8601":
        return Scalars.dateTime(text());
      case "nil":
        if (!text().isBlank()) {
          throw new ParseError("<nil/> must be empty");
        }
        return XmlRpcValue.Nil.INSTANCE;
      case "array":
        return array(depth);
      case "struct":
        return struct(depth);
      default:
        // Supervisor's decoder passes the text of an element it does not know on as a string.
        return new XmlRpcValue.Str(text());
    }
  }

  private XmlRpcValue array(int depth) throws XMLStreamException, ParseError {
    List<XmlRpcValue> values = new ArrayList<>();
    boolean sawData = false;
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (!tag().equals("data") || sawData) {
        throw unexpected();
      }
      sawData = true;
      while (nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (!tag().equals("value")) {
          throw unexpected();
        }
        values.add(value(depth + 1));
      }
    }
    return new XmlRpcValue.Array(values);
  }

  private XmlRpcValue struct(int depth) throws XMLStreamException, ParseError {
    Map<String, XmlRpcValue> members = new LinkedHashMap<>();
    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (!tag().equals("member")) {
        throw unexpected();
      }
      String name = null;
      XmlRpcValue value = null;
      while (nextTag() == XMLStreamConstants.START_ELEMENT) {
        if (tag().equals("name") && name == null) {
          name = text();
        } else if (tag().equals("value") && value == null) {
          value = value(depth + 1);
        } else {
          throw unexpected();
        }
      }
      if (name == null || value == null) {
        throw new ParseError("a struct <member> needs a <name> and a <value>");
      }
      members.put(name, value);
    }
    return new XmlRpcValue.Struct(members);
  }

  // ---- StAX helpers ----

  /** The next event, refusing DTDs and unexpanded entity references outright. */
  private int next() throws XMLStreamException, ParseError {
    int event = xml.next();
    if (event == XMLStreamConstants.DTD) {
      throw new ParseError("DTDs are not allowed");
    }
    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw new ParseError("entity references are not allowed: &" + xml.getLocalName() + ";");
    }
    return event;
  }

  /** Skips whitespace, comments and PIs; returns START_ELEMENT or END_ELEMENT. */
  private int nextTag() throws XMLStreamException, ParseError {
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
        return event;
      }
      if (isText(event) && !xml.isWhiteSpace() && !xml.getText().isBlank()) {
        throw new ParseError("unexpected text: " + abbreviate(xml.getText()));
      }
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new ParseError("unexpected end of document");
      }
    }
  }

  /** The text content of a leaf element, up to its end tag; a child element is an error. */
  private String text() throws XMLStreamException, ParseError {
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return text.toString();
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        throw unexpected();
      } else if (isText(event)) {
        text.append(xml.getText());
      }
    }
  }

  private static boolean isText(int event) {
    return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
        || event == XMLStreamConstants.SPACE;
  }

  private String tag() {
    return xml.getLocalName();
  }

  private ParseError unexpected() {
    String what = xml.getEventType() == XMLStreamConstants.END_ELEMENT ? "</" + tag() + ">"
        : xml.getEventType() == XMLStreamConstants.START_ELEMENT ? "<" + tag() + ">" : "content";
    return new ParseError("unexpected " + what + " at line " + xml.getLocation().getLineNumber());
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() <= 40 ? t : t.substring(0, 40) + "…";
  }
}
