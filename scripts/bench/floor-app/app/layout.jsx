// Plain JavaScript, so this app needs no tsconfig of its own and the project's
// `tsc` never sees its generated types.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
