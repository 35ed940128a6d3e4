/// CODE128 code set B, drawn on the host when the printer's own barcode command is not used.
enum Code128 {
    /// Bar and space widths (in modules) of symbol values 0–106; 103–105 are the start codes, 106 stop.
    static let patterns: [String] = [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    ]

    static let startB = 104
    static let stop = 106
    /// Light modules either side, so a scanner finds where the code starts.
    static let quietZone = 10

    /// The modules, `true` dark, quiet zones included; `nil` when `text` has characters outside
    /// printable ASCII (set B).
    static func modules(_ text: String) -> [Bool]? {
        var values = [startB]
        for scalar in text.unicodeScalars {
            guard (0x20...0x7E).contains(scalar.value) else { return nil }
            values.append(Int(scalar.value) - 0x20)
        }
        let checksum = values.enumerated().reduce(0) { sum, item in sum + item.element * max(1, item.offset) } % 103
        values += [checksum, stop]
        var modules = Array(repeating: false, count: quietZone)
        for value in values {
            for (index, width) in patterns[value].enumerated() {
                modules += Array(repeating: index % 2 == 0, count: Int(String(width))!)
            }
        }
        return modules + Array(repeating: false, count: quietZone)
    }
}
