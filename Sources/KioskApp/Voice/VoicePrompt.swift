import Journey

/// Which short spoken prompt a patient's screen has (`voice.<key>` in the text catalogs): what to do
/// now, for a patient who cannot read the screen. `nil`: the screen says nothing new.
public enum VoicePrompt {
    public static func key(for step: JourneyStep) -> String? {
        switch step {
        case .attract: "voice.attract"
        case .chooseIdentity: "voice.choose"
        case .identifying(.card), .checkingRights: "voice.wait"
        case .identifying(.qr(.scan)): "voice.qr"
        case .identifying(.qr), .identifying(.proxyCard), .identifying(.photo), .identifying(.proxyPhoto), .identifying(.staff):
            "voice.followScreen"
        case .identifying(.atCounter): "voice.counter"
        case .review: "voice.review"
        case .mobileNumber: "voice.mobile"
        case .submitting: "voice.wait"
        case .pending: "voice.pending"
        case .claimCode: "voice.code"
        case .problem: "voice.problem"
        }
    }
}
