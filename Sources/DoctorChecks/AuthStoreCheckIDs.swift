public import DoctorCore

/// The check id of the auth store check (`check --db NAME`): API, listed in the README; never renamed silently.
extension CheckID {
    /// `authstore`.
    public static let authStore: CheckID = "authstore"
}
