using System.Text.RegularExpressions;

namespace Escalation.Core.Signals.Lexicon;

/// <summary>
/// An account broken into, said in a language the phrase lists do not cover (Japanese, Chinese, Korean, Russian, Polish,
/// Swedish, Danish, Norwegian, Turkish, Czech, Greek, Arabic). The product cannot read such a ticket, and sends it to a
/// human; these few words make sure a takeover report among them goes to a senior at once instead of waiting in the
/// queue. Scripts without spaces (Japanese, Chinese) are matched as substrings, the others as word stems.
/// </summary>
internal static partial class SecurityWordsBeyondCoverage
{
    /// <summary>The first such word in <paramref name="text"/>, or null.</summary>
    public static Match? Find(string text) => Words().Match(text) is { Success: true } m ? m : null;

    [GeneratedRegex(
        // Japanese, Chinese, Korean: substrings.
        @"不正ログイン|不正アクセス|乗っ取|ハッキング|ハッキングされ|パスワードが変更|情報漏え?い|情報漏洩|身に覚えのないログイン|"
        + @"被盗|盗号|未经授权|未經授權|黑客|被黑|密码被改|密碼被改|数据泄露|資料外洩|账户被|帳戶被|"
        + @"해킹|무단 ?로그인|비밀번호가 변경|계정 ?도용|개인정보 ?유출|"
        // Others: word stems.
        + @"\b(взлом\w*|несанкционирован\w*|утечк\w* данных|"
        + @"włam\w*|zhakowan\w*|nieautoryzowan\w*|wyciek\w* danych|przejęt\w* kont\w*|"
        + @"hackad\w*|intrång|obehörig\w*|dataläcka|kapad\w*|"
        + @"hacket|uautoriseret|uautorisert|innbrudd|"
        + @"hacklen\w*|yetkisiz|izinsiz giriş|veri sızıntı\w*|"
        + @"hacknut\w*|neoprávněn\w*|únik dat|"
        + @"παραβίαση|χακάρ\w*|"
        + @"اختراق|تم اختراق)(?!\w)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Words();
}
