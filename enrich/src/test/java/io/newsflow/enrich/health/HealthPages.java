package io.newsflow.enrich.health;

/** Pages for the source-health tests: a well-formed article and a bot challenge. */
public final class HealthPages {

    private HealthPages() {
    }

    public static String article() {
        String paragraph = "The harbour board voted on Monday to keep the port of Elsfleth open at night, after a year of "
                + "complaints from the shipping companies that use it and a long debate with the residents. ";
        return "<html lang=\"en\"><head><title>Harbour vote</title>"
                + "<meta property=\"article:published_time\" content=\"2026-11-28T08:00:00Z\"></head><body><article>"
                + "<h1>Harbour vote</h1>" + ("<p>" + paragraph + "</p>").repeat(5) + "</article></body></html>";
    }

    public static String challenge() {
        return "<html><head><title>Just a moment...</title></head><body><div id=\"challenge-platform\">"
                + "<p>Checking your browser before accessing the site.</p>"
                + "<p>Please enable JavaScript and cookies to continue.</p></div></body></html>";
    }
}
