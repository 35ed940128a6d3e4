import ArgumentParser
import Foundation
import Journey
import NHSO
import Printing

/// `authen-kiosk slip-preview`: a claim-code slip drawn as the printer gets it, saved as a PNG.
struct SlipPreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slip-preview",
        abstract: "Draw a claim-code slip, as the printer gets it in raster mode, into a PNG (one pixel a printer dot).",
        discussion: "For checking a template, a logo or a font before printing. The QR code and barcode are drawn as the kiosk draws them with printer.codes: raster."
    )

    @OptionGroup var printer: PrinterOptions

    @Option(help: "The claim code.")
    var claim: String

    @Option(help: "The patient's name.")
    var name = "นางสาว ทดสอบ ตั้งใจดี"

    @Option(help: "The masked citizen id.")
    var id = "1-1017-xxxxx-45-0"

    @Option(help: "The main right.")
    var right = "สิทธิหลักประกันสุขภาพแห่งชาติ"

    @Option(help: "The slip's language: th or en.")
    var language = "th"

    @Option(help: "The PNG to write.")
    var out: String

    func run() async throws {
        guard let code = ClaimCode(claim) else { throw ValidationError("--claim is a claim code such as PP1172534798") }
        let (slips, settings) = try await printer.resolve()
        let slip = Slip(claimCode: code, claimDateTime: ThaiTime.format(Date(), "yyyy-MM-dd'T'HH:mm:ss"),
                        service: ClaimType(claimType: ServiceCode.general, claimTypeName: ServiceCode.names[ServiceCode.general] ?? ""),
                        patientName: name, maskedCitizenID: id, mainRight: right, language: language == "en" ? .english : .thai)
        let picture = SlipRasterizer(settings: settings.settings).picture(slips.elements(slip))
        try picture.writePNG(to: out)
        print("\(out): \(picture.width)×\(picture.height) dots (\(settings.settings.paper.rawValue) mm)")
    }
}
