package uk.civicpulse.analytics.stats;

import java.util.List;

/**
 * How overall satisfaction moves with each key-area rating.
 *
 * @param n            complete responses used (overall score and every key area given)
 * @param minimumN     the fewest responses the analysis is computed from
 * @param level        the confidence level of every interval
 * @param correlations one per key area, in the order given
 * @param regression   the multiple regression; null when not computed
 * @param label        "too few responses" below the minimum n, "key areas cannot be separated" when the regression
 *                     is singular (a constant area, or areas that move in lockstep); else null
 */
public record KeyDriverAnalysis(long n, int minimumN, double level, List<Correlation> correlations, Regression regression,
                                String label) {

    /**
     * Pearson's correlation of overall satisfaction with one key area.
     *
     * @param area   the key area
     * @param r      the correlation; null when either variable is constant
     * @param lower  Fisher-z interval lower bound
     * @param upper  Fisher-z interval upper bound
     * @param pValue two-sided, from t = r sqrt((n - 2)/(1 - r^2)) on n - 2 degrees of freedom
     * @param method "pearson_fisher_z"
     */
    public record Correlation(String area, Double r, Double lower, Double upper, Double pValue, String method) {
    }

    /**
     * Ordinary least squares of overall satisfaction on the key-area ratings.
     *
     * @param coefficients  the intercept first, then one per key area
     * @param rSquared      R^2
     * @param adjustedRSquared adjusted R^2
     * @param residualDf    n - (areas + 1)
     * @param method        "ols"
     */
    public record Regression(List<Coefficient> coefficients, double rSquared, double adjustedRSquared, long residualDf, String method) {
    }

    /**
     * @param term     "intercept" or the key area
     * @param estimate the coefficient: the change in overall satisfaction per one-point rise in the area, the others held
     * @param standardError its standard error
     * @param lower    estimate - t(1 - (1 - level)/2, df) * standardError
     * @param upper    estimate + t(1 - (1 - level)/2, df) * standardError
     * @param pValue   two-sided t-test of the coefficient being 0
     */
    public record Coefficient(String term, double estimate, double standardError, double lower, double upper, double pValue) {
    }
}
