import Camera
import Foundation
import Journey
import Logging
import NHSO
import Synchronization
import ThaiIDCard
import VisitJournal

/// Carries out the journey's effects and posts their results back, each tagged with its visit.
///
/// A visit's card read and rights check can be cancelled (the card was pulled, the patient left); its
/// submit cannot: it writes the visit to the journal (synced) before confirm-save is sent, and its
/// outcome after, whatever the screen shows by then. `waitForSubmits` lets a quitting kiosk finish them.
public final class EffectRunner: Sendable {
    let cards: any CardSource
    let nhso: any NHSOService
    let printer: any SlipPrinter
    let journal: any VisitRecorder
    let post: @Sendable (JourneyEvent) -> Void
    let logger: Logger
    /// Today's service date, in Thai time.
    let today: @Sendable () -> String
    let submitter: @Sendable (any NHSOService) -> VisitSubmitter
    /// `nil` where the kiosk has no camera.
    let camera: FFmpegCamera?
    /// Counts what the journey records (outcomes by path); `nil`: nothing is counted.
    let metrics: KioskMetrics?
    /// Photos taken, until their visit is settled (memory only).
    public let photos = PhotoStore()
    /// The claim slips of this run, for staff to print again.
    public let slips = SlipArchive()
    /// Each visit's camera preview or capture.
    private let cameraTasks = TaskTable()

    /// Running reads and rights checks, by visit: cancelled when the visit ends.
    private let cancellable = TaskTable()
    /// Running submits, by visit: never cancelled.
    private let submits = TaskTable()
    /// Slips being printed, by visit: a kiosk that leaves lets them finish.
    private let prints = TaskTable()
    /// Each visit's service date, fixed at its first send: a retry after midnight still asks about (and
    /// journals) the day the visit was sent on.
    private let serviceDates = Mutex<[VisitID: String]>([:])

    public init(
        cards: any CardSource, nhso: any NHSOService, printer: any SlipPrinter, journal: any VisitRecorder,
        logger: Logger = Logger(label: "authen-kiosk"),
        today: @escaping @Sendable () -> String = { ThaiTime.today() },
        submitter: @escaping @Sendable (any NHSOService) -> VisitSubmitter = { VisitSubmitter(service: $0) },
        camera: FFmpegCamera? = nil,
        metrics: KioskMetrics? = nil,
        post: @escaping @Sendable (JourneyEvent) -> Void
    ) {
        self.camera = camera
        self.metrics = metrics
        self.cards = cards
        self.nhso = nhso
        self.printer = printer
        self.journal = journal
        self.logger = logger
        self.today = today
        self.submitter = submitter
        self.post = post
    }

    public func perform(_ effect: JourneyEffect) {
        metrics?.observe(effect)
        let post = self.post
        switch effect {
        case .readCard(let visit), .readVerifierCard(let visit):
            let (cards, logger) = (self.cards, self.logger)
            let verifier = if case .readVerifierCard = effect { true } else { false }
            run(for: visit) {
                let progress: @Sendable (EffectResult) -> Void = { post(.result(visit, $0)) }
                let result = verifier ? await cards.readIdentity(progress: progress) : await cards.read(progress: progress)
                if case .cardRead(let person) = result, !person.unreadable.isEmpty {
                    // The patient is served (only the id and the Thai name are needed); IT hears which
                    // fields, never their contents.
                    logger.warning("card fields could not be read", metadata: [
                        "cid": "\(person.citizenID.masked)",
                        "fields": "\(person.unreadable.keys.map(\.rawValue).sorted().joined(separator: ", "))",
                    ])
                }
                // A cancelled read (its card pulled, its visit over) answers nobody: a later read for the
                // same visit (a guardian trying again) must not get this one's card.
                if !Task.isCancelled { post(.result(visit, result)) }
            }
        case .checkRights(let visit, let pid):
            let nhso = self.nhso
            run(for: visit) {
                let result: EffectResult
                do throws(NHSOError) { result = .rightsChecked(try await nhso.checkRights(pid: pid)) } catch { result = .rightsCheckFailed(error) }
                // A cancelled check's answer (or its cancellation error) is nobody's business now.
                if !Task.isCancelled { post(.result(visit, result)) }
            }
        case .submitVisit(let visit, let submission):
            submit(visit, submission)
        case .awaitPhoneAuthentication(let visit, let pid, let hcode):
            let (journal, logger) = (self.journal, self.logger)
            let watcher = PhoneAuthenticationWatcher(nhso: nhso)
            run(for: visit) {
                // A wait the patient left (cancelled) records nothing: they never saw a code.
                guard let result = await watcher.wait(pid: pid, hcode: hcode), !Task.isCancelled else { return }
                if case .phoneAuthenticated(let found) = result {
                    // Kept before it is shown, like a submitted visit's code.
                    let submitted = found.submitted
                    do throws(JournalError) {
                        try await journal.recordNow(visit, .coded(submitted.claimCode, claimDateTime: submitted.claimDateTime, origin: submitted.origin), at: Date())
                    } catch {
                        logger.error("journal write failed for a phone authentication's code", metadata: ["visit": "\(visit.reference)", "reason": "\(error)"])
                        post(.journalAvailable(false))
                    }
                }
                post(.result(visit, result))
            }
        case .printSlip(let visit, let slip):
            slips.keep(slip, for: visit)
            printing(for: visit) { try await $0.print(slip) }
        case .printQueueSlip(let visit, let slip):
            printing(for: visit) { try await $0.print(slip) }
        case .printPendingSlip(let visit, let slip):
            printing(for: visit, printed: .referenceSlipPrinted, failed: EffectResult.referenceSlipFailed) { try await $0.print(slip) }
        case .record(let visit, let record):
            let logger = self.logger
            // A lost record of a step before confirm loses no code: it is logged. The write before
            // confirm-save is the one that takes the kiosk out of service when it fails.
            journal.record(visit, JournalChange(record), at: Date()) { result in
                if case .failure(let error) = result {
                    logger.error("journal write failed", metadata: ["visit": "\(visit.reference)", "reason": "\(error)"])
                }
            }
        case .startCamera(let visit):
            startCamera(visit)
        case .stopCamera(let visit):
            cameraTasks.cancel(visit)
        case .capturePhoto(let visit):
            capturePhoto(visit)
        case .cancel(let visit):
            cancellable.cancel(visit)
            cameraTasks.cancel(visit)
            photos.drop(visit)
        }
    }

    /// Visits whose submit has not finished.
    public var submitsInFlight: Set<VisitID> { submits.visits }

    /// Waits until every submit has finished, or `limit` has passed; returns the visits still running
    /// (their journal rows say `submitting`, and recovery settles them at the next start).
    public func waitForSubmits(upTo limit: Duration) async -> Set<VisitID> {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let running = submitsInFlight
            if running.isEmpty { return [] }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return submitsInFlight
    }

    /// Waits until the slips being printed are out (or `limit` has passed): a printer cut off in the
    /// middle of a picture prints garbage on the next slip.
    public func waitForPrints(upTo limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while !prints.visits.isEmpty, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
    }

    // MARK: Camera

    private func startCamera(_ visit: VisitID) {
        let post = self.post
        cameraTasks.cancel(visit)
        guard let camera else { return post(.result(visit, .cameraFailed("no camera is configured"))) }
        cameraTasks.start(visit) {
            do {
                try await camera.preview { post(.result(visit, .previewFrame($0))) }
            } catch {
                if !Task.isCancelled { post(.result(visit, .cameraFailed("\(error)"))) }
            }
        }
    }

    /// Stops the preview (a V4L2 camera serves one reader), then takes the photo and keeps it here.
    private func capturePhoto(_ visit: VisitID) {
        let (post, photos) = (self.post, self.photos)
        let preview = cameraTasks.cancel(visit)
        guard let camera else { return post(.result(visit, .cameraFailed("no camera is configured"))) }
        cameraTasks.start(visit) {
            // The preview's ffmpeg gone first: the device is free.
            for task in preview { await task.value }
            do {
                let (jpeg, thumbnail) = try await camera.capture()
                let id = photos.keep(jpeg, for: visit)
                post(.result(visit, .photoCaptured(CapturedPhoto(id: id, thumbnail: thumbnail))))
            } catch {
                post(.result(visit, .cameraFailed("\(error)")))
            }
        }
    }

    // MARK: Submit

    private func submit(_ visit: VisitID, _ submission: VisitSubmission) {
        let (journal, nhso, post, logger, today, makeSubmitter) = (self.journal, self.nhso, self.post, self.logger, self.today, self.submitter)
        let serviceDate = serviceDates.withLock { dates in
            if let fixed = dates[visit] { return fixed }
            let date = today()
            dates[visit] = date
            return date
        }
        var withPhoto = submission
        if let photoID = submission.photoID {
            guard let jpeg = photos.jpeg(photoID) else {
                post(.result(visit, .visitFailed(.visitRejected(message: "ไม่พบภาพถ่ายแล้ว กรุณาถ่ายภาพใหม่ / the photo is gone: please take it again"))))
                return
            }
            withPhoto.request.verification?.photo = jpeg.base64EncodedString()
        }
        let (submission, photos) = (withPhoto, self.photos)
        submits.start(visit) {
            // On disk before NHSO hears of it: after a crash, recovery finds this row and asks NHSO.
            do throws(JournalError) {
                try await journal.recordNow(visit, .submitting(submission.request, serviceDate: serviceDate), at: Date())
            } catch {
                logger.error("journal write failed before confirm-save: nothing was sent", metadata: ["reason": "\(error)"])
                post(.journalAvailable(false))
                post(.result(visit, .visitNotSubmitted(journalError: error.description)))
                return
            }
            let result: EffectResult
            let change: JournalChange
            do throws(NHSOError) {
                let submitted = try await makeSubmitter(nhso).submit(
                    submission.request, serviceDate: serviceDate, mayHaveBeenRecorded: submission.mayHaveBeenRecorded
                )
                result = .visitSubmitted(submitted)
                change = .coded(submitted.claimCode, claimDateTime: submitted.claimDateTime, origin: submitted.origin)
            } catch {
                result = .visitFailed(error)
                change = .settling(error)
                logger.warning("visit not confirmed", metadata: ["visit": "\(visit.reference)", "reason": "\(error.staffMessage)"])
            }
            if case .pending = change {} else { self.serviceDates.withLock { _ = $0.removeValue(forKey: visit) } }
            // Settled (or NHSO already holds it): the photo is not needed again.
            if case .visitSubmitted = result { photos.drop(visit) } else if case .ended = change { photos.drop(visit) }
            do throws(JournalError) {
                try await journal.recordNow(visit, change, at: Date())
            } catch {
                // The row still says `submitting`: recovery settles it with NHSO at the next start.
                logger.error("journal write failed after confirm-save", metadata: ["visit": "\(visit.reference)", "reason": "\(error)"])
                post(.journalAvailable(false))
            }
            post(.result(visit, result))
            if case .visitSubmitted(let submitted) = result {
                // Outside the submit: the code is recorded; quitting need not wait for this.
                Task {
                    await Self.confirmWithNHSO(submitted, submission.request, serviceDate: serviceDate, visit: visit, nhso: nhso, journal: journal, logger: logger)
                }
            }
        }
    }

    /// Asks check-authen-status — NHSO's documented record for the kiosk token — whether it lists the
    /// code for this unit, day and service, once the patient already sees it; the answer goes to the
    /// journal (and a code NHSO does not list to the log, for staff to check). Skipped without a token.
    static func confirmWithNHSO(
        _ submitted: VisitSubmitter.Submitted, _ request: VisitRequest, serviceDate: String, visit: VisitID,
        nhso: any NHSOService, journal: any VisitRecorder, logger: Logger
    ) async {
        let status: AuthenStatus
        do throws(NHSOError) {
            status = try await nhso.checkAuthenStatus(pid: request.pid, serviceDate: serviceDate, serviceCode: request.claimType)
        } catch .tokenMissing {
            return
        } catch {
            logger.notice("check-authen-status could not confirm a code", metadata: ["visit": "\(visit.reference)", "reason": "\(error.staffMessage)"])
            return
        }
        let listed = status.histories(serviceCode: request.claimType, hcode: request.hcode)
            .contains { $0.claimCode == submitted.claimCode && $0.serviceDateTime.hasPrefix(serviceDate) }
        let detail = listed ? "" : "check-authen-status lists \(status.serviceHistories.map(\.claimCode.value).joined(separator: ", ").ifEmpty("no code")) (\(ServerText.safe(status.statusMessage.text)))"
        if !listed {
            logger.warning("NHSO's check-authen-status does not list the code the kiosk showed", metadata: [
                "visit": "\(visit.reference)", "claimCode": "\(submitted.claimCode)", "nhso": "\(detail)",
            ])
        }
        try? await journal.recordNow(visit, .confirmedByNHSO(listed, detail: detail), at: Date())
    }

    /// Prints in the background and reports `slipPrinted` or `slipFailed` for the visit.
    private func printing(for visit: VisitID, printed: EffectResult = .slipPrinted, failed: @escaping @Sendable (String) -> EffectResult = EffectResult.slipFailed,
                          _ body: @escaping @Sendable (any SlipPrinter) async throws -> Void) {
        let (printer, post, logger) = (self.printer, self.post, self.logger)
        prints.start(visit) {
            do {
                try await body(printer)
                post(.result(visit, printed))
            } catch {
                logger.warning("slip not printed", metadata: ["visit": "\(visit.reference)", "reason": "\(error)"])
                post(.result(visit, failed("\(error)")))
            }
        }
    }

    private func run(for visit: VisitID, _ body: @escaping @Sendable () async -> Void) {
        cancellable.start(visit, body)
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}

/// Tasks kept by the visit they work for, until they end.
final class TaskTable: Sendable {
    private let running = Mutex<[VisitID: [UUID: Task<Void, Never>]]>([:])

    /// Starts `body`, registered before it can finish, so its own removal always finds it.
    func start(_ visit: VisitID, _ body: @escaping @Sendable () async -> Void) {
        let key = UUID()
        running.withLock { running in
            running[visit, default: [:]][key] = Task {
                await body()
                self.running.withLock { running in
                    running[visit]?.removeValue(forKey: key)
                    if running[visit]?.isEmpty == true { running[visit] = nil }
                }
            }
        }
    }

    /// Cancels the visit's tasks; returns them, for whoever must wait until they have ended.
    @discardableResult
    func cancel(_ visit: VisitID) -> [Task<Void, Never>] {
        let tasks = running.withLock { $0.removeValue(forKey: visit) } ?? [:]
        tasks.values.forEach { $0.cancel() }
        return Array(tasks.values)
    }

    var visits: Set<VisitID> { running.withLock { Set($0.keys) } }
}
