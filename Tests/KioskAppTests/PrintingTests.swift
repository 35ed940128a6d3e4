import ESCPOS
import Foundation
import Journey
import KioskApp
import NHSO
import Printing
import Synchronization
import Testing
import VisitJournal

/// A printer whose paper can run out (behind the transport protocol; the real transports have their
/// own tests against a loopback printer, a device and CUPS).
final class PaperRoll: PrinterTransport {
    let empty = Mutex(true)
    let slips = Mutex<[[UInt8]]>([])
    var summary: String { "a test roll" }
    func status() throws(PrintingError) -> PrinterStatus? { nil }
    func deliver(_ bytes: [UInt8], named name: String) throws(PrintingError) {
        if empty.withLock({ $0 }) { throw .paperOut }
        slips.withLock { $0.append(bytes) }
    }
}

let repositoryAssets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("assets")

func slipPrinter(_ roll: PaperRoll) throws -> ReceiptSlipPrinter {
    let texts = try ["th", "en"].reduce(into: [Language: [String: String]]()) { result, code in
        result[Language(rawValue: code)!] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: repositoryAssets.appendingPathComponent("text/\(code).json")))
    }
    return ReceiptSlipPrinter(
        printer: ReceiptPrinter(transport: roll, settings: PrinterSettings()),
        templates: try SlipTemplates.load(folder: repositoryAssets.appendingPathComponent("slips"), assets: repositoryAssets),
        texts: texts, place: SlipPlace(hospitalName: "โรงพยาบาลทดสอบ", hospitalCode: "10757", kioskName: "OPD 1")
    )
}

@Suite("Printer trouble reaches the patient and the journal; nothing is lost")
struct PrinterTroubleTests {
    @Test func paperOutKeepsTheCodeOnScreenRecordsItAndPrintsAgainOnceRefilled() async throws {
        let roll = PaperRoll()
        let rig = try Rig(printer: try slipPrinter(roll))
        rig.cards.insert(Cards.somchai)
        rig.core.dispatch(.cardInserted)
        #expect(await rig.core.run { if case .review = $0.step { true } else { false } })
        rig.core.dispatch(.enter)
        #expect(await rig.core.run { if case .claimCode(let issued) = $0.step { issued.slip == .failed("the printer is out of paper") } else { false } })
        let visit = try #require(rig.core.state.visit)
        #expect(try rig.journal.visit(visit)?.slip == "not printed: the printer is out of paper")
        #expect(try rig.journal.visit(visit)?.claimCode != nil)

        roll.empty.withLock { $0 = false }
        rig.core.dispatch(.enter)   // Print again
        #expect(await rig.core.run { if case .claimCode(let issued) = $0.step { issued.slip == .printed } else { false } })
        #expect(try rig.journal.visit(visit)?.slip == "printed")
        // The slip printed is this visit's: its code is in the QR and the barcode.
        let code = try #require(try rig.journal.visit(visit)?.claimCode)
        let commands = try ESCPOSDecoder.decode(try #require(roll.slips.withLock { $0.first }))
        #expect(commands.contains(.qrCode(data: Array(code.utf8), moduleSize: 6, correction: .medium)))
        #expect(rig.nhso.confirms.count == 1)
    }

    @Test func theKioskPlaceAndHospitalAreOnTheSlip() throws {
        let printer = try slipPrinter(PaperRoll())
        let slip = Slip(claimCode: ClaimCode("PP1172534798")!, claimDateTime: "2026-11-28T09:05:00",
                        service: ClaimType(claimType: "PG0060001", claimTypeName: "เข้ารับบริการรักษาทั่วไป"),
                        patientName: "นายสมชาย ใจดี", maskedCitizenID: "1-1017-xxxxx-x5-0", mainRight: "สิทธิหลักประกันสุขภาพแห่งชาติ",
                        path: .proxyCard, proxy: SlipProxy(name: "นางมาลี ใจดี", maskedCitizenID: "3-1002-xxxxx-12-3", role: .guardian, relationship: .mother),
                        language: .thai)
        let texts = printer.elements(slip).compactMap { if case .text(let text, _) = $0 { text } else { nil } }
        #expect(texts.contains("โรงพยาบาลทดสอบ"))
        #expect(texts.contains("รหัสหน่วยบริการ 10757"))
        #expect(texts.contains("28 พ.ย. 2569 เวลา 09:05 น."))
        #expect(texts.contains("ผู้ยืนยันตัวตนแทน: นางมาลี ใจดี (ผู้ปกครอง, มารดา)"))
        #expect(texts.contains("สิทธิหลัก: สิทธิหลักประกันสุขภาพแห่งชาติ"))
        #expect(texts.contains("ตู้บริการ: OPD 1"))
        var english = slip
        english.language = .english
        english.proxy = nil
        let englishTexts = printer.elements(english).compactMap { if case .text(let text, _) = $0 { text } else { nil } }
        #expect(englishTexts.contains("28 Nov 2026, 09:05"))
        #expect(!englishTexts.contains { $0.hasPrefix("Authenticated by") })
    }
}

@Suite struct SlipTemplateLoadingTests {
    @Test func aMisspeltValueIsRefusedWithItsLineAndAMissingFileComesFromTheAssets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "title {hospital.name}\nbig {claimCode}\n".write(to: folder.appendingPathComponent("claim.slip"), atomically: true, encoding: .utf8)
        let loaded = try SlipTemplates.load(folder: folder, assets: repositoryAssets)
        #expect(loaded.claim.lines.count == 2)
        #expect(loaded.pending == (try SlipTemplate(contentsOf: repositoryAssets.appendingPathComponent("slips/pending.slip"))))

        try "title {hospital.name}\ntext {patient.nmae}\n".write(to: folder.appendingPathComponent("claim.slip"), atomically: true, encoding: .utf8)
        #expect {
            try SlipTemplates.load(folder: folder, assets: repositoryAssets)
        } throws: { error in
            "\(error)".contains("line 2: {patient.nmae} is not a value of this slip")
        }
    }
}
