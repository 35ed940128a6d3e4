import SmartCard

/// Reads a Thai ID card over any `CardChannel` in as few exchanges as the card allows.
///
/// The plan: SELECT the MOI applet (one exchange: its `61 xx` answer carries nothing we need), then the
/// three text reads of `ThaiIDCardLayout.textReads` (READ + GET RESPONSE each): seven exchanges for
/// every text field. The photo, only when asked, is read in 255-byte chunks that stop as soon as the
/// JPEG's end marker has arrived.
public struct ThaiIDCardReader {
    public let channel: any CardChannel

    public init(channel: any CardChannel) {
        self.channel = channel
    }

    /// The steps of a text read, for `progress`: the SELECT and each text read.
    public static var textReadSteps: Int { 1 + ThaiIDCardLayout.textReads.count }

    /// Reads and checks the whole person; with `includePhoto`, the photo too.
    /// - Parameter progress: called after each step of the text read with the steps done (of
    ///   `textReadSteps`), so a screen can show the read moving on a slow reader.
    public func readPerson(includePhoto: Bool = false, progress: ((Int) -> Void)? = nil) throws(ThaiIDCardError) -> ThaiIDCardPerson {
        try selectApplet()
        progress?(1)
        var fields: [ThaiIDCardLayout.Field: ArraySlice<UInt8>] = [:]
        for (index, read) in ThaiIDCardLayout.textReads.enumerated() {
            do throws(ThaiIDCardError) {
                let data = try readBinary(offset: read.offset, length: read.length)
                for field in read.fields { fields[field] = read.slice(field, of: data) }
            } catch where read.fields.count > 1 && error.refusesLongReads {
                // Some chips refuse a read across several fields (6700, 6B00) or cut it short: one READ
                // per field instead. An optional field the card will not give is left for the parser to
                // mark unreadable; the id and the Thai name are needed, so their failure is the card's.
                for field in read.fields {
                    do throws(ThaiIDCardError) {
                        fields[field] = ArraySlice(try readBinary(offset: field.offset, length: field.length))
                    } catch where !error.isCardRemoved && !ThaiIDCardParser.requiredFields.contains(field) {
                        continue
                    }
                }
            }
            progress?(index + 2)
        }
        var person = try ThaiIDCardParser.person(from: fields, atr: channel.atr)
        if includePhoto { person.photo = try readPhoto() }
        return person
    }

    /// Reads only the photo (after `selectApplet`), stopping at the JPEG end marker.
    public func readPhoto() throws(ThaiIDCardError) -> [UInt8] {
        let area = ThaiIDCardLayout.Field.photo.range
        var photo: [UInt8] = []
        var offset = area.lowerBound
        while offset < area.upperBound {
            let length = min(ThaiIDCardLayout.photoChunk, area.upperBound - offset)
            photo += try readBinary(offset: offset, length: length)
            offset += length
            switch JPEG.scan(photo) {
            case .complete(let count): return Array(photo.prefix(count))
            case .invalid where photo.allSatisfy({ $0 == 0x00 || $0 == 0x20 || $0 == 0xFF }):
                throw .garbledField(.photo, reason: "the card holds no photo")
            case .invalid: throw .garbledField(.photo, reason: "not a JPEG image")
            case .incomplete: continue
            }
        }
        throw .garbledField(.photo, reason: "no JPEG end marker in the photo area")
    }

    /// SELECT the MOI applet; a card that refuses it is not a Thai ID card.
    public func selectApplet() throws(ThaiIDCardError) {
        let response = try transport { try channel.send(ThaiIDCardCommand.selectMOIApplet) }
        guard response.isSuccess || response.hasMoreData else {
            throw .notAThaiIDCard(statusWord: response.statusWord)
        }
    }

    /// One READ and its GET RESPONSE: exactly `length` bytes, or an error.
    func readBinary(offset: Int, length: Int) throws(ThaiIDCardError) -> [UInt8] {
        let command = ThaiIDCardCommand.read(offset: offset, length: length)
        let response = try transport { try channel.exchange(command) }
        guard response.isSuccess else {
            throw .unexpectedStatus(command: "READ 0x\(String(offset, radix: 16))", statusWord: response.statusWord)
        }
        guard response.data.count == length else {
            throw .wrongLength(offset: offset, expected: length, received: response.data.count)
        }
        return response.data
    }

    private func transport<T>(_ body: () throws -> T) throws(ThaiIDCardError) -> T {
        do {
            return try body()
        } catch let error as SmartCardError {
            throw .transport(error)
        } catch {
            throw .transport(SmartCardError(.other, detail: "\(error)"))
        }
    }
}
