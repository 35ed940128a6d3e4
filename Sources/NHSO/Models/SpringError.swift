/// NHSO's error body, in Spring Boot's shape: `{timestamp, status, error, message, errors: [...]}`.
public struct SpringError: Sendable, Hashable, Codable {
    public var timestamp: String?
    public var status: Int?
    public var error: String?
    public var message: String?
    public var errors: [FieldError]?

    public struct FieldError: Sendable, Hashable, Codable {
        public var defaultMessage: String?
        public var field: String?
        public init(defaultMessage: String?, field: String? = nil) {
            self.defaultMessage = defaultMessage
            self.field = field
        }
    }

    public init(timestamp: String? = nil, status: Int?, error: String?, message: String?, errors: [FieldError]? = nil) {
        self.timestamp = timestamp
        self.status = status
        self.error = error
        self.message = message
        self.errors = errors
    }

    /// The most specific human text in the body.
    public var bestMessage: String? {
        errors?.compactMap(\.defaultMessage).first ?? message ?? error
    }
}
