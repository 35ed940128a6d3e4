import Foundation
import NHSO

/// One person of the test population, as `population.json` stores them.
public struct TestPerson: Sendable, Hashable, Codable {
    public var pid: String
    public var titleCode: String
    public var prefix: String
    public var firstName: String
    public var middleName: String
    public var lastName: String
    /// `MALE` / `FEMALE`.
    public var sex: String
    /// Buddhist era `YYYYMMDD`, `00` where unknown.
    public var birthDate: String
    public var nation: String
    public var provinceId: String
    public var provinceName: String
    /// `(UCS) …`; `nil` for a person without a health-coverage right.
    public var mainInscl: String?
    public var subInscl: String?
    public var hospMain: Hospital?
    public var hospSub: Hospital?
    public var hospMainOp: Hospital?
    public var paidModel: String?
    public var startDateTime: String?
    public var deceased: Bool
    /// What this person is in the population for.
    public var note: String

    public var hasRights: Bool { mainInscl != nil }

    public init(
        pid: String, titleCode: String, prefix: String, firstName: String, middleName: String, lastName: String,
        sex: String, birthDate: String, nation: String, provinceId: String, provinceName: String,
        mainInscl: String?, subInscl: String?, hospMain: Hospital?, hospSub: Hospital?, hospMainOp: Hospital?,
        paidModel: String?, startDateTime: String?, deceased: Bool, note: String
    ) {
        self.pid = pid
        self.titleCode = titleCode
        self.prefix = prefix
        self.firstName = firstName
        self.middleName = middleName
        self.lastName = lastName
        self.sex = sex
        self.birthDate = birthDate
        self.nation = nation
        self.provinceId = provinceId
        self.provinceName = provinceName
        self.mainInscl = mainInscl
        self.subInscl = subInscl
        self.hospMain = hospMain
        self.hospSub = hospSub
        self.hospMainOp = hospMainOp
        self.paidModel = paidModel
        self.startDateTime = startDateTime
        self.deceased = deceased
        self.note = note
    }
}

/// The people the test zone knows.
public struct Population: Sendable {
    public let people: [String: TestPerson]

    public init(_ people: [TestPerson]) {
        self.people = Dictionary(people.map { ($0.pid, $0) }, uniquingKeysWith: { first, _ in first })
    }

    struct File: Codable {
        var people: [TestPerson]
    }

    public static func load(_ url: URL) throws -> Population {
        Population(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).people)
    }

    public subscript(pid: String) -> TestPerson? { people[pid] }

    /// The test population shipped with the simulator: every right (UCS, WEL, SSS, OFC, LGO) and none,
    /// children and elderly, a deceased person, and the people on the virtual ID cards.
    public static func bundled() throws -> Population {
        guard let url = Bundle.module.url(forResource: "population", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try load(url)
    }
}

/// Whether `text` is 13 digits with a valid check digit (the test zone checks ids the way NHSO does).
func isValidCitizenID(_ text: String) -> Bool {
    let digits = text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
    guard digits.count == 13, text.count == 13 else { return false }
    let sum = (0..<12).reduce(0) { $0 + digits[$1] * (13 - $1) }
    return (11 - sum % 11) % 10 == digits[12]
}
