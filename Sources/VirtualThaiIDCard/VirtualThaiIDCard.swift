import Foundation
import SmartCard
import ThaiIDCard

/// A Thai ID card's behaviour: it answers APDUs the way the chip does, from a `CardImage`.
///
/// Pure logic, no I/O: the vpcd link (`VPCDLink`) and the in-process channel (`VirtualCardChannel`)
/// carry bytes to and from it. Status words follow ISO 7816-4.
public final class VirtualThaiIDCard: @unchecked Sendable {
    public let atr: ATR
    public let image: CardImage
    public let faults: CardFaults

    private var moiSelected = false
    private var pending: [UInt8]?
    /// Whether the answer being fetched is of a READ longer than one field.
    private var pendingIsLong = false

    static let nhsoApplet: [UInt8] = [0xA0, 0x00, 0x00, 0x00, 0x54, 0x48, 0x00, 0x83]

    public init(image: CardImage, atr: ATR, faults: CardFaults = CardFaults()) {
        self.image = image
        self.atr = atr
        self.faults = faults
    }

    public convenience init(personFile url: URL, faults: CardFaults = CardFaults()) throws {
        let (person, photo) = try PersonFile.load(url)
        self.init(image: try CardImage(person: person, photo: photo, padding: faults.padding ?? 0x20), atr: try person.parsedATR(), faults: faults)
    }

    /// Power off, on or reset: the chip forgets its selection.
    public func reset() {
        moiSelected = false
        pending = nil
    }

    /// The card's answer to one command APDU: data and status word.
    public func respond(to apdu: [UInt8]) -> [UInt8] {
        guard apdu.count >= 4 else { return sw(0x6700) }
        let (cla, ins, p1, p2) = (apdu[0], apdu[1], apdu[2], apdu[3])
        let body = Array(apdu.dropFirst(4))
        switch (cla, ins) {
        case (0x00, 0xA4):
            return select(p1: p1, p2: p2, body: body)
        case (0x80, 0xB0):
            return read(offset: Int(p1) << 8 | Int(p2), body: body)
        case (0x00, 0xC0):
            return getResponse(p1: p1, p2: p2, body: body)
        case (0x00, _), (0x80, _):
            return sw(0x6D00)  // instruction not supported
        default:
            return sw(0x6E00)  // class not supported
        }
    }

    private func select(p1: UInt8, p2: UInt8, body: [UInt8]) -> [UInt8] {
        pending = nil
        guard p1 == 0x04, let length = body.first, body.count >= 1 + Int(length) else { return sw(0x6A86) }
        let aid = Array(body[1...Int(length)])
        if aid == ThaiIDCardLayout.moiApplet && !faults.refuseSelect {
            moiSelected = true
            return sw(0x610A)
        }
        moiSelected = false
        if aid == Self.nhsoApplet && !faults.refuseSelect { return sw(0x610A) }
        return sw(0x6A82)  // file or application not found
    }

    private func read(offset: Int, body: [UInt8]) -> [UInt8] {
        pending = nil
        guard moiSelected else { return sw(0x6986) }  // no current file
        guard body.count == 3, body[0] == 0x02, body[1] == 0x00 else { return sw(0x6700) }
        let length = Int(body[2])
        guard length > 0, offset + length <= image.bytes.count else { return sw(0x6B00) }
        if let status = faults.readStatusWord { return sw(status) }
        if length > 100, let status = faults.longReadStatus { return sw(status) }
        pending = Array(image.bytes[offset..<(offset + length)])
        pendingIsLong = length > 100
        return sw(0x6100 | UInt16(length))
    }

    private func getResponse(p1: UInt8, p2: UInt8, body: [UInt8]) -> [UInt8] {
        guard var data = pending else { return sw(0x6985) }  // nothing to fetch
        // Old chips (ATR 3B 67) want P2 = 01 and others P2 = 00; answering only the right one keeps
        // the reader honest about the rule.
        guard p1 == 0x00, p2 == atr.getResponseP2, body.count == 1 else { return sw(0x6B00) }
        let asked = body[0] == 0 ? 256 : Int(body[0])
        guard asked <= data.count else { return sw(0x6C00 | UInt16(data.count)) }
        let rest = Array(data.dropFirst(asked))
        data = Array(data.prefix(asked))
        pending = rest.isEmpty ? nil : rest
        if faults.garbledData { data = data.map { _ in 0xFF } }
        if faults.shortAnswers || (faults.shortLongReads && pendingIsLong) { data = Array(data.dropLast(min(10, data.count))) }
        return data + (rest.isEmpty ? sw(0x9000) : sw(0x6100 | UInt16(min(rest.count, 255))))
    }

    private func sw(_ word: UInt16) -> [UInt8] { [UInt8(word >> 8), UInt8(word & 0xFF)] }
}
