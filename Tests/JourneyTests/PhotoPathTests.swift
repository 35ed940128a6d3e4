import NHSO
import Testing
import ThaiIDCard
@testable import Journey

@Suite struct PhotoPathTests {
    static let child = CitizenID("1100200778894")!
    static let guardian = CitizenID("3500100345671")!
    static let frame = PixelImage(width: 2, height: 2, rgb: Array(repeating: 200, count: 12))!
    static let photo = CapturedPhoto(id: "photo-1", thumbnail: frame)

    func typed(_ id: CitizenID, into driver: inout Driver) {
        for digit in id.digits { driver.send(.digit(digit.wholeNumberValue!)) }
        driver.send(.enter)
    }

    /// Photo path, at the camera.
    func atCamera() -> Driver {
        var driver = Driver()
        driver.send(.chooseOtherWay, .digit(2))
        typed(Self.child, into: &driver)
        return driver
    }

    @Test func theCameraStartsAfterTheIDAndThePhotoIsTakenAfterACountdown() {
        var driver = Driver()
        driver.send(.chooseOtherWay, .digit(2))
        for digit in Self.child.digits { driver.send(.digit(digit.wholeNumberValue!)) }
        #expect(driver.send(.enter) == [.startCamera(.first)])
        driver.send(.result(.current, .previewFrame(Self.frame)))
        guard case .identifying(.photo(.camera(_, let capture))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(capture.frame == Self.frame)
        driver.send(.enter)
        #expect(driver.state.needsTicks)
        driver.tick(2)
        #expect(driver.send(.tick) == [.capturePhoto(.first)])
        // While the photo is taken, frames no longer replace the picture and nothing times out.
        #expect(driver.state.idleSecondsLeft == nil)
        driver.send(.result(.current, .photoCaptured(Self.photo)))
        guard case .identifying(.photo(.camera(_, let taken))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(taken.photo == Self.photo)
        let effects = driver.send(.enter)
        #expect(effects.contains(.checkRights(.first, pid: Self.child.digits)))
        #expect(effects.contains(.record(.first, .identified(citizenID: Self.child.digits, path: .photo))))
    }

    @Test func thePhotoGoesWithTheVisitByItsIDOnly() {
        var driver = atCamera()
        driver.send(.enter)
        driver.tick(3)
        driver.send(.result(.current, .photoCaptured(Self.photo)), .enter)
        var rights = Samples.rights
        rights.pid = Self.child.digits
        driver.send(.rightsChecked(rights))
        let effects = driver.send(.enter)
        guard case .submitVisit(.first, let submission)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(submission.photoID == "photo-1")
        #expect(submission.request.verification == Verification(authenType: .photo))
        #expect(submission.request.verification?.photo == nil, "the picture itself is attached by the app as it sends")
    }

    @Test func retakeStartsThePreviewAgain() {
        var driver = atCamera()
        driver.send(.enter)
        driver.tick(3)
        driver.send(.result(.current, .photoCaptured(Self.photo)))
        #expect(driver.send(.back) == [.startCamera(.first)])
        guard case .identifying(.photo(.camera(_, let capture))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(capture.photo == nil && capture.frame == nil)
    }

    @Test func backFromThePreviewStopsTheCamera() {
        var driver = atCamera()
        #expect(driver.send(.back) == [.stopCamera(.first)])
        #expect(driver.state.step == .identifying(.photo(.patientID(NumberEntry(.citizenID, digits: Self.child.digits)))))
    }

    @Test func aCameraThatFailsIsSaidAndCanBeRetried() {
        var driver = atCamera()
        driver.send(.result(.current, .cameraFailed("no such device")))
        guard case .identifying(.photo(.camera(_, let capture))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(capture.failure == "no such device")
        #expect(driver.send(.enter).isEmpty, "no countdown without a camera")
        #expect(driver.send(.retry) == [.startCamera(.first)])
    }

    @Test func previewFramesDoNotKeepAnIdleScreenAlive() {
        var driver = Driver(JourneyConfiguration(idleSeconds: 5))
        driver.send(.chooseOtherWay, .digit(2))
        typed(Self.child, into: &driver)
        for _ in 0..<4 {
            driver.send(.result(.current, .previewFrame(Self.frame)))
            driver.send(.tick)
        }
        driver.send(.result(.current, .previewFrame(Self.frame)))
        let effects = driver.send(.tick)
        #expect(driver.state.step == .attract)
        #expect(effects.contains(.cancel(.first)), "the camera stops with the visit")
    }

    @Test func withoutACameraThePhotoPathsSendToTheCounter() {
        var driver = Driver(JourneyConfiguration(cameraAvailable: false))
        driver.send(.chooseOtherWay, .digit(2))
        #expect(driver.state.step == .identifying(.atCounter(.photo)))
        driver.send(.back, .digit(5))
        #expect(driver.state.step == .identifying(.atCounter(.proxyPhoto)))
    }

    @Test func aGuardiansPhotoWithAnotherIDCarriesTheDocumentTheReasonAndTheRelationship() {
        var driver = Driver()
        driver.send(.chooseOtherWay, .digit(5))
        typed(Self.child, into: &driver)
        // The guardian's id must be someone else's.
        typed(Self.child, into: &driver)
        guard case .identifying(.proxyPhoto(.guardianID(_, let entry))) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(entry.message == .sameAsPatient)
        for _ in 0..<13 { driver.send(.backspace) }
        typed(Self.guardian, into: &driver)
        // 4 passport, 7 damaged; Continue only once both are chosen.
        driver.send(.digit(4), .enter, .select(ProxyPhotoForm.documents.count + ProxyPhotoForm.reasons.count))
        guard case .identifying(.proxyPhoto(.document)) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        driver.send(.digit(7), .enter)
        #expect(driver.send(.enter) == [.startCamera(.first)])
        driver.send(.enter)
        driver.tick(3)
        driver.send(.result(.current, .photoCaptured(Self.photo)), .enter)
        driver.send(.digit(2), .enter, .digit(1), .digit(4), .enter, .enter)   // ผู้ดูแล, ป้า
        guard case .checkingRights(let identification) = driver.state.step else { Issue.record("\(driver.state.step)"); return }
        #expect(identification.photoID == "photo-1")
        #expect(identification.verification == Verification(
            authenType: .proxyPhoto, verifierType: "ผู้ดูแล", verifierPid: Self.guardian.digits, relationship: "ป้า",
            documentType: PhotoDocument.passport.thai, reason: NoCardReason.damaged.thai
        ))
    }
}
