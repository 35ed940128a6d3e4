import Foundation
import Journey
import NHSO

/// What a slip says of where it was printed: the hospital, this kiosk, its logo.
public struct SlipPlace: Sendable, Hashable {
    public var hospitalName: String
    public var hospitalCode: String
    public var kioskName: String
    public var logo: String?

    public init(hospitalName: String, hospitalCode: String, kioskName: String = "", logo: String? = nil) {
        self.hospitalName = hospitalName
        self.hospitalCode = hospitalCode
        self.kioskName = kioskName
        self.logo = logo
    }

    var values: [String: String] {
        ["hospital.name": hospitalName, "hospital.hcode": hospitalCode, "kiosk.name": kioskName, "logo": logo ?? ""]
    }
}

/// The values a template's `{name}`s are filled with, in the slip's language.
enum SlipValues {
    static func claim(_ slip: Slip, place: SlipPlace, texts: [String: String]) -> [String: String] {
        var values = place.values.merging([
            "date": date(slip.claimDateTime, texts: texts),
            "claimCode": slip.claimCode.value,
            "service": slip.service.claimTypeName.isEmpty ? slip.service.claimType : slip.service.claimTypeName,
            "mainRight": slip.mainRight ?? "",
            "patient.name": slip.patientName,
            "patient.id": slip.maskedCitizenID,
            "copy": slip.isCopy ? texts["slip.copy"] ?? "COPY" : "",
        ]) { $1 }
        if let proxy = slip.proxy {
            values["proxy.name"] = proxy.name
            values["proxy.id"] = proxy.maskedCitizenID
            // NHSO's own words for the role in Thai; the catalog's in English.
            values["proxy.role"] = texts["proxy.role.\(proxy.role.rawValue)"] ?? proxy.role.thai
            values["proxy.relationship"] = proxy.relationship.thai
        }
        return values
    }

    static func queue(_ slip: QueueSlip, place: SlipPlace, texts: [String: String], now: Date) -> [String: String] {
        place.values.merging(["date": date(ThaiTime.format(now, "yyyy-MM-dd'T'HH:mm:ss"), texts: texts), "reference": slip.reference]) { $1 }
    }

    static func pending(_ slip: PendingSlip, place: SlipPlace, texts: [String: String], now: Date) -> [String: String] {
        place.values.merging([
            "date": date(ThaiTime.format(now, "yyyy-MM-dd'T'HH:mm:ss"), texts: texts), "reference": slip.reference,
            "patient.name": slip.patientName, "patient.id": slip.maskedCitizenID,
        ]) { $1 }
    }

    /// `2026-11-28T09:30:00` as the catalog writes dates: `slip.dateFormat` with `slip.months` and the
    /// year plus `slip.yearOffset` (543: the Buddhist era in Thai). Text that is not such a date is kept.
    static func date(_ dateTime: String, texts: [String: String]) -> String {
        let parts = dateTime.split(whereSeparator: { "-T:. ".contains($0) }).map(String.init)
        let months = (texts["slip.months"] ?? "").split(separator: " ").map(String.init)
        guard parts.count >= 5, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              months.count == 12, (1...12).contains(month) else { return dateTime }
        let offset = Int(texts["slip.yearOffset"] ?? "0") ?? 0
        return (texts["slip.dateFormat"] ?? "{day} {month} {year} {time}")
            .replacingOccurrences(of: "{day}", with: String(day))
            .replacingOccurrences(of: "{month}", with: months[month - 1])
            .replacingOccurrences(of: "{year}", with: String(year + offset))
            .replacingOccurrences(of: "{time}", with: "\(parts[3]):\(parts[4])")
    }
}
