public import DoctorCore

/// The check id under which setup reports its own findings.
extension CheckID {
    /// `setup`.
    public static let setup: CheckID = "setup"
}
