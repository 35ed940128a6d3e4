import Foundation
import Journey
import Testing
import TerminalUI

/// Every leaf of the journey tree, to its end, in Thai and in English, at a kiosk and at a station:
/// `authen-kiosk run` in tmux on the real stack (pcscd with vpcd's second reader, `thaiid-card-sim`,
/// `nhso-testzone`, ffmpeg's test pattern as the camera). What the screen must show comes from the text
/// catalog, in the language under test.
@Suite(.serialized) struct EveryLeafTests {
    enum Leaf: String, CaseIterable, Sendable { case card, photo, qr, guardianCard, guardianPhoto, staff }

    static let child = "1100200778894"
    static let adult = "3500100345671"  // the card "lifetime": a guardian, or a staff member on the list
    static let catalog = try! TextCatalog.load(assets: Harness.packageRoot.appendingPathComponent("assets"))

    static let cases: [(Leaf, Language, Bool)] =
        Leaf.allCases.flatMap { leaf in [(leaf, Language.thai, false), (leaf, .english, false)] } + Leaf.allCases.map { ($0, .thai, true) }

    @Test(arguments: cases)
    func theLeafEndsInItsCode(leaf: Leaf, language: Language, station: Bool) throws {
        try Harness.requireVirtualReader(KioskRunTests.reader)
        // A station's wording where it has one, as the screens choose it.
        func t(_ key: String) -> String {
            let worded = station && Self.catalog.texts[language]?["atStation." + key] != nil ? "atStation." + key : key
            return String(Self.catalog.text(worded, language).prefix(24))
        }
        let zone = try TestZoneProcess()
        let (kiosk, _) = try IdentityPathTests().kiosk(zone, station: station, staff: [Self.adult])
        if station { try signInAtStation(kiosk) }
        #expect(kiosk.waitFor(String(Self.catalog.text(station ? "station.insertCard" : "attract.insertCard", .thai).prefix(24))))
        if language == .english {
            try kiosk.keys("F2")
            #expect(kiosk.waitFor(t(station ? "station.insertCard" : "attract.insertCard")))
        }
        var card: SimulatedCard?
        defer { try? card?.remove() }
        func insert() throws { card = try SimulatedCard("lifetime", arguments: ["--vpcd-port", KioskRunTests.vpcdPort, "--latency-ms", "5"]) }
        func typeID(_ id: String) throws {
            try kiosk.type(id)
            try kiosk.keys("Enter")
        }
        func photo() throws {
            #expect(kiosk.waitFor(t("photo.title")))
            try kiosk.keys("Enter")
            #expect(kiosk.waitFor(t("photo.confirmTitle"), timeout: .seconds(12)))
            try kiosk.keys("Enter")
        }
        func relation() throws {
            #expect(kiosk.waitFor("1 " + Self.catalog.text("proxy.role.guardian", language)))
            try kiosk.keys("1", "Enter", "3", "Enter", "Enter")   // guardian, บิดา
        }
        let chooser = ["Enter", String(Leaf.allCases.firstIndex(of: leaf)! + 1)]

        switch leaf {
        case .card:
            try insert()
        case .photo:
            try kiosk.keys(chooser[0], chooser[1])
            try typeID(Self.child)
            try photo()
        case .qr:
            try kiosk.keys(chooser[0], chooser[1])
            #expect(kiosk.waitFor(t("qr.title")))
            try kiosk.keys("Enter")
            try typeID(Self.child)
            #expect(kiosk.waitFor(t("qr.waiting")))
            try zone.post("/testzone/mobile-authentication", body: #"{"pid":"\#(Self.child)","hcode":"10757"}"#)
        case .guardianCard:
            try kiosk.keys(chooser[0], chooser[1])
            try typeID(Self.child)
            #expect(kiosk.waitFor(t("proxy.insertCard")))
            try insert()
            try relation()
        case .guardianPhoto:
            try kiosk.keys(chooser[0], chooser[1])
            try typeID(Self.child)
            try typeID(Self.adult)
            #expect(kiosk.waitFor(t("proxyPhoto.documentTitle")))
            try kiosk.keys("4", "Enter", "6", "Enter", "Enter")   // passport, card lost
            try photo()
            try relation()
        case .staff where !station:
            try kiosk.keys(chooser[0], chooser[1])
            #expect(kiosk.waitFor(t("staff.toDeskTitle")))
            #expect(kiosk.waitFor(t("staff.slipPrinted")))
            return
        case .staff:
            try kiosk.keys(chooser[0], chooser[1])
            try typeID(Self.child)
            #expect(kiosk.waitFor(t("staff.insertCard")))
            try insert()
        }
        if leaf != .qr {
            #expect(kiosk.waitFor(t(station ? "station.reviewTitle" : "review.title")))
            try kiosk.keys("Enter")
        }
        #expect(kiosk.waitFor(t(station ? "station.codeTitle" : "code.title")))
        #expect(kiosk.screen.firstMatch(of: /PP\d{10}/) != nil)
    }
}
