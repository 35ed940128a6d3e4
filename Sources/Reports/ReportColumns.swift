import NHSO

/// The report's columns, in order, with their headings in both languages: the same for the screen,
/// the CSV and the XLSX, so a hospital's spreadsheet reads every export alike.
public enum ReportColumns {
    public enum Language: String, Sendable, CaseIterable { case th, en }

    public static func headings(_ language: Language) -> [String] {
        switch language {
        case .th: ["วันที่รับบริการ", "เวลา", "Authen Code", "เลขประจำตัวประชาชน", "รหัสบริการ", "บริการ", "สิทธิหลัก",
                   "วิธียืนยันตัวตน", "รหัสหน่วยบริการ", "เลขอ้างอิง", "ที่มาของรหัส", "เครื่อง"]
        case .en: ["Service date", "Time", "Claim code", "Citizen ID", "Service code", "Service", "Main right",
                   "Identified by", "Unit", "Reference", "Code origin", "Box"]
        }
    }

    /// A row's cells, in the headings' order. Text that came from a server or a card is drawn from its
    /// sanitised form (`ServerText`): no control characters reach a spreadsheet.
    public static func cells(_ row: ReportRow) -> [String] {
        [row.serviceDate, row.time, row.claimCode, row.citizenID, row.service, ServiceCode.names[row.service] ?? "",
         ServerText.clean(row.mainInscl), row.path, row.hcode, row.reference, row.origin, row.source]
    }

    public static func totalsHeadings(_ language: Language) -> (service: [String], path: [String]) {
        switch language {
        case .th: (["รหัสบริการ", "บริการ", "จำนวน"], ["วิธียืนยันตัวตน", "จำนวน"])
        case .en: (["Service code", "Service", "Codes"], ["Identified by", "Codes"])
        }
    }
}
