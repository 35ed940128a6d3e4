import Testing
@testable import Printing

@Suite("Slip templates: values, catalog texts, optional lines, and nothing a printer would obey")
struct SlipTemplateTests {
    let template = try! SlipTemplate(parsing: """
        # a comment
        title   {hospital.name}
        text    {text:slip.patient}: {patient.name}
        text    {text:slip.proxy}: {proxy.name} ({proxy.relationship})
        big     {claimCode}
        qr      {claimCode}
        logo    {logo}
        feed    2
        """)

    @Test func valuesAndTextsAreFilledIn() {
        let elements = template.elements(
            values: ["hospital.name": "รพ.ทดสอบ", "patient.name": "นายสมชาย ใจดี", "claimCode": "PP1172534798"],
            texts: ["slip.patient": "ชื่อ", "slip.proxy": "ผู้ยืนยันตัวตนแทน"]
        )
        #expect(elements == [
            .text("รพ.ทดสอบ", SlipTextStyle(size: .large, bold: true, alignment: .center)),
            .text("ชื่อ: นายสมชาย ใจดี", SlipTextStyle()),
            .text("PP1172534798", SlipTextStyle(size: .huge, bold: true, alignment: .center)),
            .qr("PP1172534798"),
            .feed(2),
        ])
    }

    @Test func aLineWithSomeValuesIsKept() {
        let elements = template.elements(values: ["proxy.relationship": "บิดา"], texts: [:])
        #expect(elements.contains(.text("slip.proxy: (บิดา)", SlipTextStyle())))
    }

    @Test func controlBytesAndEscapeSequencesNeverReachTheSlip() {
        // A name off a card with ESC (a printer's command start), a CSI sequence, GS V (cut), DLE EOT,
        // C1 CSI, a right-to-left override and a line break.
        let hostile = "นาย\u{1B}@สม\u{1B}[2Jชาย\u{1D}V\u{00}\u{10}\u{04}\u{9B}31m\u{202E}ใจ\nดี"
        let elements = template.elements(values: ["patient.name": hostile], texts: ["slip.patient": "ชื่อ\u{07}"])
        guard case .text(let line, _)? = elements.first(where: { if case .text(let t, _) = $0 { t.hasPrefix("ชื่อ") } else { false } }) else {
            Issue.record("no name line")
            return
        }
        #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && $0.properties.generalCategory != .format })
        #expect(line == "ชื่อ: นาย @สม [2Jชาย V 31m ใจ ดี")
    }

    @Test func longValuesAreCut() {
        #expect(SlipText.clean(String(repeating: "ก", count: 5000)).count == SlipText.longestValue)
    }

    @Test func mistakesInATemplateNameTheLine() {
        #expect(throws: SlipTemplate.ParseError.unknownElement(line: 2, "tilte")) { try SlipTemplate(parsing: "title x\ntilte y") }
        #expect(throws: SlipTemplate.ParseError.unclosedBrace(line: 1)) { try SlipTemplate(parsing: "text {claimCode") }
        #expect(throws: SlipTemplate.ParseError.badFeed(line: 1)) { try SlipTemplate(parsing: "feed 40") }
    }

    @Test func theShippedTemplatesParse() throws {
        for name in ["claim", "queue", "pending", "test"] {
            let template = try SlipTemplate(contentsOf: assets.appendingPathComponent("slips/\(name).slip"))
            #expect(!template.lines.isEmpty, "\(name).slip")
        }
    }
}

import Foundation

/// The repository's `assets/` folder.
let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("assets")
