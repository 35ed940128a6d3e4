import Foundation
import Journey
import Printing

/// Slips through the hospital's templates and texts to a receipt printer (or `.escpos` files).
public struct ReceiptSlipPrinter: SlipPrinter {
    public let printer: ReceiptPrinter
    public let templates: SlipTemplates
    /// The text catalogs, by language (the slip is in the patient's).
    public let texts: [Language: [String: String]]
    public let place: SlipPlace

    public init(printer: ReceiptPrinter, templates: SlipTemplates, texts: [Language: [String: String]], place: SlipPlace) {
        self.printer = printer
        self.templates = templates
        self.texts = texts
        self.place = place
    }

    public func print(_ slip: Slip) async throws {
        // A copy never replaces the first slip's file (a kiosk printing to files keeps both).
        try await printer.print(elements(slip), named: slip.claimCode.value + (slip.isCopy ? "-copy" : ""))
    }

    public func print(_ slip: QueueSlip) async throws {
        try await printer.print(elements(slip), named: "queue-\(slip.reference)")
    }

    public func print(_ slip: PendingSlip) async throws {
        try await printer.print(elements(slip), named: "pending-\(slip.reference)")
    }

    public func printTest(language: Language) async throws {
        try await printer.print(testElements(language: language), named: "print-test")
    }

    public func statusLine() async -> AdminStatusLine {
        let summary = printer.transport.summary
        do {
            guard let status = try await printer.status() else {
                return AdminStatusLine(subject: "printer", ok: true, detail: "\(summary) (this connection does not report its status)")
            }
            if let problem = PrintingError(status) { return AdminStatusLine(subject: "printer", ok: false, detail: "\(summary): \(problem)") }
            return AdminStatusLine(subject: "printer", ok: true, detail: "\(summary): ready" + (status.paperNearEnd ? ", paper nearly out" : ""))
        } catch {
            return AdminStatusLine(subject: "printer", ok: false, detail: "\(summary): \(error)")
        }
    }

    public func elements(_ slip: Slip) -> [SlipElement] {
        let texts = texts(slip.language)
        return templates.claim.elements(values: SlipValues.claim(slip, place: place, texts: texts), texts: texts)
    }

    public func elements(_ slip: QueueSlip, now: Date = Date()) -> [SlipElement] {
        let texts = texts(slip.language)
        return templates.queue.elements(values: SlipValues.queue(slip, place: place, texts: texts, now: now), texts: texts)
    }

    public func elements(_ slip: PendingSlip, now: Date = Date()) -> [SlipElement] {
        let texts = texts(slip.language)
        return templates.pending.elements(values: SlipValues.pending(slip, place: place, texts: texts, now: now), texts: texts)
    }

    /// The installer's test slip: a Thai sample with stacked marks, the code-page table, a QR and a barcode.
    public func testElements(language: Language = .thai, now: Date = Date()) -> [SlipElement] {
        let texts = texts(language)
        let values = place.values.merging([
            "date": SlipValues.date(ThaiTime.format(now, "yyyy-MM-dd'T'HH:mm:ss"), texts: texts),
            "printer": printer.transport.summary, "claimCode": "PP0000000000",
        ]) { $1 }
        return templates.test.elements(values: values, texts: texts)
    }

    /// Catalog texts of `language`, Thai where the language has none.
    func texts(_ language: Language) -> [String: String] {
        (texts[.thai] ?? [:]).merging(texts[language] ?? [:]) { $1 }
    }
}

import NHSO
