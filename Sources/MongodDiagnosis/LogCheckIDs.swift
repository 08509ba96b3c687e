public import DoctorCore

/// The check ids of the mongod log analysis: API, listed in the README; never renamed silently.
extension CheckID {
    /// `mongod.log`.
    public static let mongodLog: CheckID = "mongod.log"
}
