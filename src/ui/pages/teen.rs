use crate::ui::components::{Link, Page};
use leptos::prelude::*;

/// `/teen`: how teens create their own account, and where younger children
/// and adults go instead. The sign-up flows apply the rules of the patient's
/// state; this page only prepares the teen for them.
#[component]
pub fn TeenPage() -> impl IntoView {
    view! {
        <Page heading="Create your own account if you are 14 to 17">
            <p class="body-l">
                "From age 14 you can have your own patient portal account. You create it yourself, \
                 on your own phone or computer: a parent or guardian cannot create it for you."
            </p>
            <p class="body">"You will need:"</p>
            <ul class="list list--bullet">
                <li>"your own email address, not a parent's or guardian's"</li>
                <li>"your date of birth"</li>
                <li>"the access code from your clinic or the help desk, if you have one"</li>
            </ul>
            <div class="inset-text">
                "If this browser is signed in to someone else's portal account, sign out of it first."
            </div>
            <Link href="/signup/code" class="button button--start" role="button">
                "Sign up with an access code"
            </Link>
            <p class="body">
                "No access code? "<Link href="/signup/verify">"Sign up without an access code"</Link>
                ". We find your record from your details instead."
            </p>
            <h2 class="heading-m">"What your parents can see"</h2>
            <p class="body">
                "Parents and guardians have access to a teen's record by law until the teen is an \
                 adult. Unless your state's rules say otherwise, it shows them only your name, date \
                 of birth and medical record number. When your account is ready we tell you what it shows in your state, \
                 and your account lists everyone who has access to your record."
            </p>
            <h2 class="heading-m">"Younger than 14?"</h2>
            <p class="body">
                "Children under 14 do not have their own account. A parent or guardian can "
                <Link href="/proxy">"ask for proxy access"</Link>" to your record from their own account."
            </p>
            <h2 class="heading-m">"18 or older?"</h2>
            <p class="body">
                "Use the "<Link href="/">"ordinary sign-up"</Link>". The ages are a little different in \
                 some states (the age of majority is 19 in Alabama and Nebraska and 21 in Mississippi): \
                 we check the rules of your state when you sign up."
            </p>
        </Page>
    }
}
