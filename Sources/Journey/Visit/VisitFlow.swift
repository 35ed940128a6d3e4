import NHSO
import ThaiIDCard

/// The visit, shared by every identification path: rights → review (service, mobile) → confirm →
/// submit → code (or pending, or a problem). The visit identity and journal of the integrity rules
/// apply whatever path identified the patient.
extension Journey {
    func visitInput(_ state: inout JourneyState, _ event: JourneyEvent) -> [JourneyEffect] {
        switch state.step {
        case .review(var review):
            switch event {
            case .nextChoice, .previousChoice, .select:
                review.selectedService = select(event, in: review)
                go(&state, .review(review))
            case .enter:
                if configuration.mobileRequired && review.mobile.isEmpty {
                    go(&state, .mobileNumber(review, mobileEntry()))
                } else {
                    return submit(&state, review)
                }
            case .enterMobile:
                go(&state, .mobileNumber(review, mobileEntry(review.mobile)))
            case .digit:
                var entry = mobileEntry()
                _ = entry.handle(event)
                go(&state, .mobileNumber(review, entry))
            case .back:
                return abandon(&state, .cancelledByPatient, detail: "cancelled on the review")
            default:
                break
            }
            return []

        case .mobileNumber(var review, var entry):
            guard event.isEntryInput else { return [] }
            switch entry.handle(event) {
            case .editing:
                go(&state, .mobileNumber(review, entry))
            case .cancelled:
                go(&state, .review(review))
            case .done(let digits):
                review.mobile = digits
                return submit(&state, review)
            }
            return []

        case .claimCode(var issued):
            if case .failed = issued.slip, event == .retry || event == .enter, let visit = state.visit {
                // Paper refilled, cover closed: the same slip again (the code itself is not asked again).
                // Enter prints again here; Esc (the Done button) leaves.
                issued.slip = .printing
                go(&state, .claimCode(issued))
                return [.printSlip(visit, slip(for: issued, language: state.language))]
            }
            // On the card path the screen stays until the card is out (it must not be left behind).
            let leaves = event == .enter || (event == .back && issued.slip != .printing && issued.slip != .printed)
            if leaves && !(state.cardPresent && issued.path == .card) { return finish(&state) }
            return []

        case .pending:
            // Staff have taken the reference (station), or the patient goes to them (kiosk).
            if event == .enter || event == .back { return finish(&state) }
            return []

        case .problem(let problem):
            switch event {
            case .retry:
                return retry(&state, problem)
            case .enter where problem.retry != nil:
                // Enter presses the highlighted button: Try again.
                return retry(&state, problem)
            case .enter, .back:
                return finish(&state)
            default:
                return []
            }

        default:
            return []
        }
    }

    /// The visit is over on this screen: back to the start, and whatever of it still runs in the app
    /// (a camera, a photo held) is let go.
    private func finish(_ state: inout JourneyState) -> [JourneyEffect] {
        let visit = state.visit
        endVisit(&state)
        return visit.map { [.cancel($0)] } ?? []
    }

    private func mobileEntry(_ digits: String = "") -> NumberEntry {
        NumberEntry(.mobile(optional: !configuration.mobileRequired), digits: digits)
    }

    private func retry(_ state: inout JourneyState, _ problem: JourneyProblem) -> [JourneyEffect] {
        guard let visit = state.visit else { endVisit(&state); return [] }
        switch problem.retry {
        case .checkRights(let identification)? where state.cardPresent || identification.path != .card:
            // On the card path only while the card is in: a patient who left must not be served to the
            // next one.
            go(&state, .checkingRights(identification))
            return [.checkRights(visit, pid: identification.patient.citizenID.digits)]
        case .submit(let review, let submission)?:
            guard state.journalAvailable else {
                go(&state, .problem(.outOfService))
                return [.record(visit, .ended(.journalUnavailable, detail: "the journal cannot be written"))]
            }
            go(&state, .submitting(review, seconds: 0))
            return [.submitVisit(visit, submission)]
        case .readCard? where state.cardPresent:
            go(&state, .identifying(.card))
            return [.readCard(visit)]
        case .awaitPhone(let id)?:
            return apply(&state, QRIdentification(configuration: configuration).wait(for: id, visit: visit, first: false), visit: visit)
        default:
            endVisit(&state)
            return []
        }
    }

    // MARK: Results of effects

    func result(_ state: inout JourneyState, _ visit: VisitID, _ result: EffectResult) -> [JourneyEffect] {
        switch (state.step, result) {
        case (.checkingRights(let identification), .rightsChecked(let rights)):
            return rightsChecked(&state, visit, identification, rights)

        case (.checkingRights(let identification), .rightsCheckFailed(let error)):
            go(&state, .problem(.nhso(error, retry: error.isTransient ? .checkRights(identification) : nil)))
            return [.record(visit, .ended(.rightsUnavailable, detail: error.staffMessage))]

        case (.submitting(let review, _), .visitSubmitted(let submitted)),
             // A code that arrives while the pending notice is still up is shown after all.
             (.pending(let review, _), .visitSubmitted(let submitted)):
            return issue(&state, visit, review, submitted)

        case (.submitting(let review, _), .visitFailed(let error)):
            return submitFailed(&state, visit, review, error)

        case (.submitting, .visitNotSubmitted(let reason)):
            state.journalAvailable = false
            go(&state, .problem(.outOfService))
            return [.record(visit, .ended(.journalUnavailable, detail: reason))]

        case (.claimCode(var issued), .slipPrinted):
            issued.slip = .printed
            go(&state, .claimCode(issued))
            return [.record(visit, .printed)]

        case (.claimCode(var issued), .slipFailed(let reason)):
            issued.slip = .failed(reason)
            go(&state, .claimCode(issued))
            return [.record(visit, .printFailed(reason: reason))]

        default:
            return lateResult(visit, result)
        }
    }

    // MARK: Rights

    /// The person's rights are known: on to the review, unless they are someone else's or there is
    /// nothing to claim.
    func rightsChecked(_ state: inout JourneyState, _ visit: VisitID, _ identification: Identification, _ rights: RightsCheck) -> [JourneyEffect] {
        // NHSO's answer must be about the person on screen; its correlationId is then theirs.
        guard rights.pid == identification.patient.citizenID.digits else {
            go(&state, .problem(.answerForAnotherPerson))
            return [.record(visit, .ended(.rightsUnavailable, detail: "NHSO answered about another person"))]
        }
        guard !rights.claimTypes.isEmpty, rights.correlationId != nil else {
            go(&state, .problem(.noRights(rights)))
            return [.record(visit, .ended(.noRights, detail: "no service to claim"))]
        }
        let preferred = rights.claimTypes.firstIndex { $0.claimType == configuration.defaultService } ?? 0
        var identification = identification
        if identification.patient.nameTH.isEmpty, let named = Patient(agentRead: rights) {
            // Identified by a typed id: the name is NHSO's.
            identification.patient.nameTH = named.nameTH
        }
        go(&state, .review(.init(identification: identification, rights: rights, selectedService: preferred)))
        return [.record(visit, .rights(mainInscl: rights.mainInscl?.agentText))]
    }

    // MARK: Submit

    private func submit(_ state: inout JourneyState, _ review: JourneyStep.Review) -> [JourneyEffect] {
        guard let visit = state.visit else { return [] }
        guard state.journalAvailable else {
            go(&state, .problem(.outOfService))
            return [.record(visit, .ended(.journalUnavailable, detail: "the journal cannot be written"))]
        }
        go(&state, .submitting(review, seconds: 0))
        return [.submitVisit(visit, VisitSubmission(request: visitRequest(for: review), photoID: review.identification.photoID))]
    }

    private func issue(_ state: inout JourneyState, _ visit: VisitID, _ review: JourneyStep.Review, _ submitted: VisitSubmitter.Submitted) -> [JourneyEffect] {
        let issued = JourneyStep.Issued(person: review.person, service: review.service, submitted: submitted, slip: .printing,
                                        path: review.identification.path, mainRight: review.rights.mainInscl?.name,
                                        proxy: review.identification.proxy)
        go(&state, .claimCode(issued))
        return [.printSlip(visit, slip(for: issued, language: state.language))]
    }

    /// The submit's outcome is already in the journal (its performer writes it, whatever the screen does);
    /// here the patient is told.
    private func submitFailed(_ state: inout JourneyState, _ visit: VisitID, _ review: JourneyStep.Review, _ error: NHSOError) -> [JourneyEffect] {
        switch error {
        case .visitOutcomeUnknown:
            // NHSO may hold a code: nothing is sent again here; recovery settles it with a lookup.
            go(&state, .pending(review, reference: visit.reference))
            return [pendingSlip(visit, review, state.language)]
        case .visitRejected:
            go(&state, .problem(.nhso(error, retry: nil)))
        default:
            // NHSO answered that it holds no code for the visit; a retry asks again before sending the
            // same correlationId.
            let retry = VisitSubmission(request: visitRequest(for: review), mayHaveBeenRecorded: true, photoID: review.identification.photoID)
            go(&state, .problem(.nhso(error, retry: error.isTransient ? .submit(review, retry) : nil)))
        }
        return []
    }

    func visitRequest(for review: JourneyStep.Review) -> VisitRequest {
        VisitRequest(
            pid: review.person.citizenID.digits, claimType: review.service.claimType, mobile: review.mobile,
            correlationId: review.rights.correlationId ?? "", hcode: configuration.hcode,
            verification: review.identification.verification
        )
    }

    private func select(_ event: JourneyEvent, in review: JourneyStep.Review) -> Int {
        let count = review.rights.claimTypes.count
        switch event {
        case .nextChoice: return (review.selectedService + 1) % count
        case .previousChoice: return (review.selectedService + count - 1) % count
        case .select(let index) where review.rights.claimTypes.indices.contains(index): return index
        default: return review.selectedService
        }
    }

    /// The reference on paper, for the staff the patient is sent to.
    func pendingSlip(_ visit: VisitID, _ review: JourneyStep.Review, _ language: Language) -> JourneyEffect {
        .printPendingSlip(visit, PendingSlip(reference: visit.reference, patientName: review.person.name(in: language),
                                             maskedCitizenID: review.person.citizenID.masked, language: language))
    }

    func slip(for issued: JourneyStep.Issued, language: Language) -> Slip {
        Slip(
            claimCode: issued.submitted.claimCode, claimDateTime: issued.submitted.claimDateTime, service: issued.service,
            patientName: issued.person.name(in: language),
            maskedCitizenID: issued.person.citizenID.masked, mainRight: issued.mainRight, path: issued.path,
            proxy: issued.proxy.map {
                SlipProxy(name: $0.name, maskedCitizenID: $0.citizenID.masked, role: $0.role, relationship: $0.relationship)
            },
            language: language
        )
    }
}
