using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Aggregator.OperatorConsole;

internal static class FormTokens
{
    /// <summary>A fresh antiforgery field for a form of this request's page.</summary>
    public static FormToken For(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new FormToken(tokens.FormFieldName, tokens.RequestToken ?? string.Empty);
    }
}
