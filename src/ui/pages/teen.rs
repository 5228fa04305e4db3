use crate::ui::components::{Link, Page};
use crate::words;
use leptos::prelude::*;

/// `/teen`: how teens create their own account, and where younger children
/// and adults go instead. The sign-up flows apply the rules of the patient's
/// state; this page only prepares the teen for them.
#[component]
pub fn TeenPage() -> impl IntoView {
    view! {
        <Page heading=words::teen_heading()>
            <p class="body-l">{words::teen_intro()}</p>
            <p class="body">{words::teen_need()}</p>
            <ul class="list list--bullet">
                <li>{words::teen_need_email()}</li>
                <li>{words::teen_need_dob()}</li>
                <li>{words::teen_need_code()}</li>
            </ul>
            <div class="inset-text">{words::teen_signed_in_elsewhere()}</div>
            <Link href="/signup/code" class="button button--start" role="button">
                {words::teen_button()}
            </Link>
            <p class="body">
                {words::teen_no_code()}
                <Link href="/signup/verify">{words::teen_no_code_link()}</Link>
                {words::teen_no_code_after()}
            </p>
            <h2 class="heading-m">{words::teen_parents_heading()}</h2>
            <p class="body">{words::teen_parents()}</p>
            <h2 class="heading-m">{words::teen_younger_heading()}</h2>
            <p class="body">
                {words::teen_younger()}
                <Link href="/proxy">{words::teen_younger_link()}</Link>
                {words::teen_younger_after()}
            </p>
            <h2 class="heading-m">{words::teen_adult_heading()}</h2>
            <p class="body">
                {words::teen_adult()}
                <Link href="/">{words::teen_adult_link()}</Link>
                {words::teen_adult_after()}
            </p>
        </Page>
    }
}
