package io.clearflow.mining.xes;

/**
 * The entity references the scanner accepts: the five predefined ones and character references. There is no DTD,
 * so no other entity can be declared, expanded or fetched.
 */
final class XmlEntities {

    private XmlEntities() {
    }

    /**
     * The text a reference stands for, or null when it is none the scanner accepts.
     *
     * @param name what stands between '&amp;' and ';'
     */
    static String text(String name) {
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            default:
                if (name.startsWith("#")) {
                    try {
                        int code = name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                                : Integer.parseInt(name.substring(1));
                        if (Character.isValidCodePoint(code) && code != 0) {
                            return new String(Character.toChars(code));
                        }
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
                return null;
        }
    }

    /**
     * An attribute value as XML 1.0 (3.3.3) normalises it: references replaced, each line break and tab a space.
     * The references were validated while the value was scanned.
     */
    static String attributeValue(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            if (c == '&') {
                int semi = raw.indexOf(';', k);
                out.append(text(raw.substring(k + 1, semi)));
                k = semi;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (c == '\r' && k + 1 < raw.length() && raw.charAt(k + 1) == '\n') {
                    k++;
                }
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
