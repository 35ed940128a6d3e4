import SmartCard

/// The APDUs a Thai ID card understands.
public enum ThaiIDCardCommand {
    /// SELECT the MOI applet by its AID: `00 A4 04 00 08 A0 00 00 00 54 48 00 01`.
    public static let selectMOIApplet = CommandAPDU(
        cla: 0x00, ins: 0xA4, p1: 0x04, p2: 0x00, data: ThaiIDCardLayout.moiApplet
    )

    /// The card's READ: `80 B0 P1 P2 02 00 Le`, offset in P1P2. Le travels in the body, so the APDU
    /// has no trailing Le byte; the card answers `61 Le` and the data comes with GET RESPONSE.
    public static func read(offset: Int, length: Int) -> CommandAPDU {
        precondition((1...255).contains(length) && (0...0xFFFF).contains(offset))
        return CommandAPDU(
            cla: 0x80, ins: 0xB0, p1: UInt8(offset >> 8), p2: UInt8(offset & 0xFF),
            data: [0x00, UInt8(length)]
        )
    }
}
