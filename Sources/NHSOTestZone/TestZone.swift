import Foundation
import NHSO
import Synchronization

/// A reply of the test zone: an HTTP status and a JSON body.
public struct TestZoneReply: Sendable {
    public var status: Int
    public var body: Data

    init<Body: Encodable>(_ status: Int, _ body: Body) {
        self.status = status
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // The bodies are plain value types: encoding cannot fail.
        self.body = try! encoder.encode(body)
    }

    static func springError(_ status: Int, _ error: String, _ message: String, path: String, fields: [SpringError.FieldError]? = nil, clock: TestZoneClock) -> TestZoneReply {
        TestZoneReply(status, SpringError(timestamp: clock.dateTime(), status: status, error: error, message: message, errors: fields))
    }
}

/// NHSO's test zone: its rules over the population and the ledger, independent of HTTP so they can be
/// tested directly. `TestZoneServer` puts them behind NHSO's paths.
public final class TestZone: Sendable {
    public let population: Population
    public let ledger: TestZoneLedger
    public let configuration: TestZoneConfiguration
    public let clock: TestZoneClock
    /// The citizen id of the card in the agent's reader, if any.
    private let agentCard = Mutex<String?>(nil)
    /// Each correlationId issued by a rights check, and the person it was issued for: confirm-save with
    /// another person's correlationId is refused, as a crossed visit must be.
    private let correlations = Mutex<[String: String]>([:])
    /// confirm-save requests received, by correlationId: how often one visit was sent (for the crash drill).
    private let confirmRequests = Mutex<[String: Int]>([:])
    /// How each verified visit was authenticated, by claim code (the photo included), for tests and
    /// trainers to look at (`GET /testzone/verifications/{claimCode}`).
    let verifications = Mutex<[String: Verification]>([:])
    /// Above this many, the oldest-day bindings are forgotten (a simulator running for weeks).
    static let correlationLimit = 100_000
    /// Verified visits kept for `GET /testzone/verifications/{code}`.
    static let verificationLimit = 1_000

    public init(population: Population, ledger: TestZoneLedger, configuration: TestZoneConfiguration = TestZoneConfiguration(), clock: TestZoneClock = TestZoneClock()) {
        self.population = population
        self.ledger = ledger
        self.configuration = configuration
        self.clock = clock
    }

    // MARK: Authorisation

    public enum Caller: Sendable, Hashable {
        case unit(Hospital)
    }

    /// The unit a bearer token belongs to, or the 401 reply NHSO gives.
    public func authorise(authorization: String?, path: String) -> Result<Hospital, Refused> {
        guard let authorization, authorization.hasPrefix("Bearer ") else {
            return .failure(Refused(reply: .springError(401, "Unauthorized", "Full authentication is required to access this resource", path: path, clock: clock)))
        }
        let token = String(authorization.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        if let unit = configuration.tokens[token] { return .success(unit) }
        let message = configuration.otherZoneTokens.contains(token)
            ? "Token ของ \(configuration.zone == .test ? "production" : "test") zone ใช้กับ \(configuration.zone.rawValue) zone ไม่ได้"
            : "Invalid token"
        return .failure(Refused(reply: .springError(401, "Unauthorized", message, path: path, clock: clock)))
    }

    public struct Refused: Error, Sendable { public var reply: TestZoneReply }

    // MARK: Rights

    public func checkRights(pid: String, path: String) -> TestZoneReply {
        guard isValidCitizenID(pid) else {
            return .springError(400, "Bad Request", "เลขประจำตัวประชาชนไม่ถูกต้อง", path: path,
                                fields: [.init(defaultMessage: "เลขประจำตัวประชาชนไม่ถูกต้อง", field: "pid")], clock: clock)
        }
        guard let person = population[pid], !person.deceased else {
            let message = population[pid]?.deceased == true ? "ไม่พบข้อมูลสิทธิ: ผู้รับบริการเสียชีวิตแล้ว" : "ไม่พบข้อมูลบุคคล"
            return .springError(404, "Not Found", message, path: path, clock: clock)
        }
        return TestZoneReply(200, rights(of: person, includeRights: true))
    }

    func rights(of person: TestPerson, includeRights: Bool) -> RightsCheck {
        let now = clock.dateTime()
        var check = RightsCheck(
            pid: person.pid, titleName: person.titleCode, fname: person.firstName, lname: person.lastName,
            nation: person.nation, birthDate: person.birthDate, sex: person.sex == "MALE" ? "ชาย" : "หญิง",
            transDate: now, age: Self.age(birthDate: person.birthDate, on: clock.date())
        )
        guard includeRights, let main = person.mainInscl else { return check }
        check.checkDate = now
        check.mainInscl = InsuranceRight(agentText: main)
        check.subInscl = person.subInscl.map(InsuranceRight.init(agentText:))
        check.claimTypes = Self.claimTypes.map { ClaimType(claimType: $0, claimTypeName: ServiceCode.names[$0]!) }
        let correlationId = UUID().uuidString.lowercased()
        correlations.withLock { bound in
            if bound.count >= Self.correlationLimit { bound.removeAll(keepingCapacity: true) }
            bound[correlationId] = person.pid
        }
        check.correlationId = correlationId
        check.hospMain = person.hospMain
        check.hospSub = person.hospSub
        check.hospMainOp = person.hospMainOp
        check.paidModel = person.paidModel
        check.startDateTime = person.startDateTime
        return check
    }

    /// The services a person with a right may claim, in the order NHSO lists them.
    static let claimTypes = [ServiceCode.general, ServiceCode.selfIsolation, ServiceCode.ucepPlus, ServiceCode.haemodialysis, ServiceCode.commonIllnesses]

    /// `45 ปี 3 เดือน 12 วัน`, NHSO's way; unknown parts of the birth date count as the first.
    static func age(birthDate: String, on today: String) -> String {
        let digits = Array(birthDate)
        guard digits.count == 8, let year = Int(String(digits[0...3])), let month = Int(String(digits[4...5])),
              let day = Int(String(digits[6...7])) else { return "" }
        let parts = today.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return "" }
        var years = parts[0] + 543 - year
        var months = parts[1] - max(month, 1)
        var days = parts[2] - max(day, 1)
        if days < 0 { months -= 1; days += 30 }
        if months < 0 { years -= 1; months += 12 }
        return "\(years) ปี \(months) เดือน \(days) วัน"
    }

    // MARK: Visits

    /// - Parameter duplicateWithErrors: answer a duplicate as a validation failure looks (400 with
    ///   `errors[]`), a fault of the server's.
    public func confirmSave(_ visit: VisitRequest, unit: Hospital, channel: String, path: String, duplicateWithErrors: Bool = false) async -> TestZoneReply {
        confirmRequests.withLock { $0[visit.correlationId, default: 0] += 1 }
        if let invalid = validate(visit, path: path) { return invalid }
        if let verification = visit.verification, let invalid = validate(verification, of: visit, path: path) { return invalid }
        do {
            let claim = try await ledger.confirm(visit, hcode: unit.hcode, at: clock.dateTime(), channel: channel)
            if let verification = visit.verification {
                verifications.withLock { kept in
                    // A simulator running for weeks keeps the latest only (photos are large).
                    if kept.count >= Self.verificationLimit { kept.removeAll() }
                    kept[claim.claimCode.value] = verification
                }
            }
            return TestZoneReply(200, ConfirmSaveResponse(
                pid: claim.pid, claimType: claim.claimType, correlationId: claim.correlationId,
                createdDate: claim.createdAt, claimCode: claim.claimCode
            ))
        } catch TestZoneLedger.Refusal.alreadyAuthenticated(let existing) {
            // NHSO answers 400 without field errors; the existing code is reachable through
            // latest-authen-code and check-authen-status.
            let message = "ผู้รับบริการได้รับ Authen Code สำหรับบริการนี้ในวันนี้แล้ว (\(existing.serviceDate))"
            let fields: [SpringError.FieldError]? = duplicateWithErrors ? [.init(defaultMessage: message, field: "pid")] : nil
            return .springError(400, "Bad Request", message, path: path, fields: fields, clock: clock)
        } catch {
            return .springError(500, "Internal Server Error", "บันทึกข้อมูลไม่สำเร็จ", path: path, clock: clock)
        }
    }

    public func saveAsDraft(_ visit: VisitRequest, unit: Hospital, path: String) async -> TestZoneReply {
        if let invalid = validate(visit, path: path) { return invalid }
        do {
            let draft = try await ledger.saveDraft(visit, hcode: unit.hcode, at: clock.dateTime())
            return TestZoneReply(200, DraftResponse(pid: visit.pid, claimType: visit.claimType, correlationId: visit.correlationId, createdDate: draft.createdAt))
        } catch {
            return .springError(500, "Internal Server Error", "บันทึกข้อมูลไม่สำเร็จ", path: path, clock: clock)
        }
    }

    /// Field checks of confirm-save and save-as-draft: 400 with field errors, as Spring validation does.
    func validate(_ visit: VisitRequest, path: String) -> TestZoneReply? {
        var fields: [SpringError.FieldError] = []
        if !isValidCitizenID(visit.pid) { fields.append(.init(defaultMessage: "เลขประจำตัวประชาชนไม่ถูกต้อง", field: "pid")) }
        if !Self.claimTypes.contains(visit.claimType) { fields.append(.init(defaultMessage: "ไม่พบประเภทการเข้ารับบริการ", field: "claimType")) }
        if !visit.mobile.isEmpty && !(visit.mobile.count == 10 && visit.mobile.allSatisfy { $0.isASCII && $0.isNumber }) {
            fields.append(.init(defaultMessage: "เบอร์โทรศัพท์มือถือต้องเป็นตัวเลข 10 หลัก", field: "mobile"))
        }
        if visit.correlationId.isEmpty { fields.append(.init(defaultMessage: "ไม่พบ correlationId", field: "correlationId")) }
        if let owner = correlations.withLock({ $0[visit.correlationId] }), owner != visit.pid {
            fields.append(.init(defaultMessage: "correlationId ไม่ตรงกับผู้รับบริการ", field: "correlationId"))
        }
        if fields.isEmpty, let person = population[visit.pid] {
            if person.deceased || !person.hasRights {
                fields.append(.init(defaultMessage: "ไม่พบสิทธิการรักษาพยาบาลของผู้รับบริการ", field: "pid"))
            }
        } else if fields.isEmpty {
            fields.append(.init(defaultMessage: "ไม่พบข้อมูลบุคคล", field: "pid"))
        }
        guard !fields.isEmpty else { return nil }
        return .springError(400, "Bad Request", "Validation failed", path: path, fields: fields, clock: clock)
    }

    public func latestAuthenCode(pid: String, unit: Hospital) async -> TestZoneReply {
        guard let claim = await ledger.latest(pid: pid, hcode: unit.hcode) else {
            return TestZoneReply(204, Optional<AuthenCodeRecord>.none)
        }
        return TestZoneReply(200, record(claim))
    }

    public func latestFive(pid: String) async -> TestZoneReply {
        TestZoneReply(200, await ledger.latestFive(pid: pid).map(record))
    }

    func record(_ claim: Claim) -> AuthenCodeRecord {
        AuthenCodeRecord(
            pid: claim.pid, claimType: claim.claimType, claimCode: claim.claimCode, hcode: claim.hcode,
            hname: hospitalName(claim.hcode), claimDateTime: claim.createdAt, status: claim.status.rawValue,
            correlationId: claim.correlationId
        )
    }

    func hospitalName(_ hcode: String) -> String {
        if configuration.agentUnit.hcode == hcode { return configuration.agentUnit.hname }
        return configuration.tokens.values.first { $0.hcode == hcode }?.hname ?? "หน่วยบริการ \(hcode)"
    }

    // MARK: Check authen status

    /// The eight messages of check-authen-status, validation first (domain notes §4.2).
    public func checkAuthenStatus(personalId: String?, serviceDate: String?, serviceCode: String?) async -> TestZoneReply {
        func refuse(_ message: StatusMessage) -> TestZoneReply {
            TestZoneReply(400, AuthenStatus(statusAuthen: false, statusMessage: message))
        }
        guard let pid = personalId, !pid.isEmpty else { return refuse(.personalIdMissing) }
        guard let date = serviceDate, !date.isEmpty else { return refuse(.serviceDateMissing) }
        guard isValidCitizenID(pid), let person = population[pid] else { return refuse(.personalIdInvalid) }
        guard Self.isISODate(date) else { return refuse(.serviceDateMalformed) }
        if let serviceCode, !serviceCode.isEmpty, ServiceCode.names[serviceCode] == nil { return refuse(.serviceCodeUnknown) }

        let day = await ledger.history(pid: pid, date: date)
        let service = serviceCode.flatMap { $0.isEmpty ? nil : $0 }
        let matching = day.filter { service == nil || $0.claimType == service }
        let message: StatusMessage = !matching.isEmpty ? .found : (day.isEmpty ? .notFound : .notFoundForService)
        var status = AuthenStatus(
            statusAuthen: !matching.isEmpty, statusMessage: message, personalId: pid, firstName: person.firstName,
            middleName: person.middleName, lastName: person.lastName, sex: person.sex,
            birthDate: Self.birthDate(person.birthDate),
            nation: .init(code: person.nation, descriptionTh: person.nation == "099" ? "ไทย" : "อื่นๆ"),
            province: .init(id: person.provinceId, name: person.provinceName)
        )
        status.mainInscl = person.mainInscl.map { InsuranceRight.IDName(InsuranceRight(agentText: $0)) }
        status.subInscl = person.subInscl.map { InsuranceRight.IDName(InsuranceRight(agentText: $0)) }
        status.serviceHistories = matching.map { claim in
            AuthenStatus.ServiceHistory(
                hospital: Hospital(hcode: claim.hcode, hname: hospitalName(claim.hcode)),
                serviceDateTime: claim.createdAt, claimCode: claim.claimCode,
                service: .init(code: claim.claimType, name: ServiceCode.names[claim.claimType] ?? claim.claimType),
                sourceChannel: claim.sourceChannel
            )
        }
        return TestZoneReply(200, status)
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    static func birthDate(_ text: String) -> AuthenStatus.BirthDate {
        let digits = Array(text)
        guard digits.count == 8 else { return .init(year: nil, month: nil, day: nil) }
        let month = Int(String(digits[4...5])) ?? 0
        let day = Int(String(digits[6...7])) ?? 0
        return .init(year: Int(String(digits[0...3])), month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }

    // MARK: Agent card reader and the phone

    /// confirm-save requests received so far, by correlationId.
    public var confirmRequestCounts: [String: Int] { confirmRequests.withLock { $0 } }

    /// Puts the card of `pid` in the agent's reader (`nil` takes it out).
    public func setAgentCard(_ pid: String?) { agentCard.withLock { $0 = pid } }

    public func terminals() -> TestZoneReply {
        let present = agentCard.withLock { $0 } != nil
        return TestZoneReply(200, [AgentTerminal(terminalName: configuration.agentTerminalName, isPresent: present)])
    }

    /// The card in the agent's reader now.
    public var agentCardInReader: String? { agentCard.withLock { $0 } }

    /// The agent's read of the card that was in its reader when the read began (`card`; the one in it now
    /// when not given): a slow read answers about the card it started on, as a real reader does.
    public func readAgentCard(withRights: Bool, path: String, card: String?? = nil) -> TestZoneReply {
        guard let pid = card ?? agentCard.withLock({ $0 }) else {
            // As public clients report the agent: a read with no card is a 500.
            return .springError(500, "Internal Server Error", "ไม่พบบัตรในเครื่องอ่านบัตร", path: path, clock: clock)
        }
        guard let person = population[pid] else {
            return .springError(500, "Internal Server Error", "อ่านบัตรไม่สำเร็จ", path: path, clock: clock)
        }
        if withRights && (person.deceased || !person.hasRights) { return checkRights(pid: pid, path: path) }
        return TestZoneReply(200, rights(of: person, includeRights: withRights))
    }

    /// What NHSO's phone app does when a patient scans the kiosk's QR: authenticates the person and
    /// issues a code for the unit, which the kiosk then learns through check-authen-status.
    public func mobileAuthentication(pid: String, claimType: String, hcode: String, path: String) async -> TestZoneReply {
        let unit = Hospital(hcode: hcode, hname: hospitalName(hcode))
        let visit = VisitRequest(pid: pid, claimType: claimType, mobile: "", correlationId: UUID().uuidString.lowercased())
        return await confirmSave(visit, unit: unit, channel: "MOBILE", path: path)
    }
}
