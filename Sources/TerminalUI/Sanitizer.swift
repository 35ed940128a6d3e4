import NHSO

/// Text from a card or a server, made safe to draw: control characters (escape sequences start with
/// one) and other invisible formatting become spaces or disappear, so nothing received can move the
/// cursor, change colours or retitle the terminal. The same cleaning as the CLI's and the log's.
public enum Sanitizer {
    public static func clean(_ text: String) -> String { ServerText.clean(text) }
}
