public import DoctorChecks
import TLSProbe

extension ConnectionProbes {
    /// The real resolver, dialer, TLS prober and libmongoc.
    public static var live: ConnectionProbes {
        ConnectionProbes(resolver: LiveResolver(), dialer: LiveDialer(), tlsProber: OpenSSLProber(), server: LiveServerProbe())
    }
}
